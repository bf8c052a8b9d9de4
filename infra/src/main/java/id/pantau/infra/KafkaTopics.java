package id.pantau.infra;

import id.pantau.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A broker's topics through its admin client: created (existing ones kept) and set, each change
 * awaited until the broker acts on it, as the controller acknowledges before it does.
 */
final class KafkaTopics {
  private static final Duration APPLIED = Duration.ofSeconds(30);

  private KafkaTopics() {}

  /** A check against the broker; a call that fails or times out counts as "not yet". */
  private interface Check {
    boolean holds() throws ExecutionException, TimeoutException, InterruptedException;
  }

  static NewTopic newTopic(String name, int partitions, boolean compacted) {
    NewTopic topic = new NewTopic(name, partitions, (short) 1);
    if (compacted) {
      return topic.configs(
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    Long retention = Topics.RETENTION_MS.get(name); // kept longer than the broker's default
    return retention == null
        ? topic
        : topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention)));
  }

  /** Creates the topics (an existing one is kept) and waits until each partition has a leader. */
  static void create(Admin admin, String bootstrap, List<NewTopic> topics) {
    try {
      for (var result : admin.createTopics(topics).values().entrySet()) {
        try {
          result.getValue().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "creating topic " + result.getKey() + " on " + bootstrap + " failed", e);
          }
        }
      }
    } catch (InterruptedException | TimeoutException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("creating topics on " + bootstrap + " failed", e);
    }
    List<String> names = topics.stream().map(NewTopic::name).toList();
    // The controller acknowledges before the broker leads the partitions: a first send must wait.
    await(
        "topics " + names + " have no leader",
        () -> {
          for (TopicDescription topic :
              admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS).values()) {
            if (topic.partitions().stream().anyMatch(p -> p.leader() == null)) return false;
          }
          return true;
        });
  }

  /** Sets {@code configs} on every topic and waits until the broker reports them. */
  static void setConfigs(
      Admin admin, String bootstrap, Collection<String> names, Map<String, String> configs) {
    List<ConfigResource> topics =
        names.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (ConfigResource topic : topics) {
      ops.put(
          topic,
          configs.entrySet().stream()
              .map(
                  e ->
                      new AlterConfigOp(
                          new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
              .toList());
    }
    try {
      admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      throw new IllegalStateException("setting " + configs + " on " + bootstrap + " failed", e);
    }
    await(
        "Kafka at " + bootstrap + " did not apply " + configs + " to the topics",
        () -> {
          for (Config c : admin.describeConfigs(topics).all().get(5, TimeUnit.SECONDS).values()) {
            for (Map.Entry<String, String> e : configs.entrySet()) {
              ConfigEntry entry = c.get(e.getKey());
              if (entry == null || !e.getValue().equals(entry.value())) return false;
            }
          }
          return true;
        });
  }

  private static void await(String failure, Check check) {
    boolean held =
        Poll.until(
            APPLIED,
            () -> {
              try {
                return check.holds();
              } catch (ExecutionException | TimeoutException e) {
                return false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
    if (!held) throw new IllegalStateException(failure + " after " + APPLIED.toSeconds() + " s");
  }
}

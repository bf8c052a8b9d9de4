package id.pantau.api.hooks;

import id.pantau.events.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the webhooks write to Kafka, each write acknowledged by every replica before it returns: the
 * hooks (compacted, key = name, a tombstone deletes) and each hook's delivery progress (compacted,
 * key = name: the next offset of the alerts topic per partition). Also the alerts topic's end
 * offsets, where a new hook starts.
 */
final class HookTopics implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A hook's progress on the alerts topic: the next offset to deliver per partition. */
  record Progress(Map<Integer, Long> offsets) {}

  private final String hooksTopic;
  private final String progressTopic;
  private final String alertsTopic;
  private final KafkaProducer<String, byte[]> producer;
  private final Admin admin;

  HookTopics(String bootstrap, String hooksTopic, String progressTopic, String alertsTopic) {
    this.hooksTopic = hooksTopic;
    this.progressTopic = progressTopic;
    this.alertsTopic = alertsTopic;
    int ms = (int) TIMEOUT.toMillis();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "pantau-dashboard-hooks");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms / 2);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    a.put(AdminClientConfig.CLIENT_ID_CONFIG, "pantau-dashboard-hooks-admin");
    a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms / 2);
    a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    this.admin = Admin.create(a);
  }

  String hooksTopic() {
    return hooksTopic;
  }

  String progressTopic() {
    return progressTopic;
  }

  String alertsTopic() {
    return alertsTopic;
  }

  void saveHook(Hook hook) {
    send(hooksTopic, hook.name(), Json.bytes(hook));
  }

  void deleteHook(String name) {
    send(hooksTopic, name, null);
  }

  void saveProgress(String name, Map<Integer, Long> offsets) {
    send(progressTopic, name, Json.bytes(new Progress(offsets)));
  }

  void deleteProgress(String name) {
    send(progressTopic, name, null);
  }

  /**
   * The alerts topic's end offsets now; none when the topic does not exist yet (a follower reads a
   * topic made later from its beginning).
   *
   * @throws IllegalStateException when Kafka does not answer
   */
  Map<Integer, Long> alertEnds() {
    TopicDescription d;
    try {
      d = await(admin.describeTopics(List.of(alertsTopic)).allTopicNames()).get(alertsTopic);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) return Map.of();
      throw e;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    d.partitions()
        .forEach(
            p -> latest.put(new TopicPartition(alertsTopic, p.partition()), OffsetSpec.latest()));
    Map<Integer, Long> out = new HashMap<>();
    await(admin.listOffsets(latest).all())
        .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
    return out;
  }

  private void send(String topic, String key, byte[] value) {
    await(producer.send(new ProducerRecord<>(topic, key, value)));
  }

  /** The future's value within the timeout; Kafka's failure as an IllegalStateException. */
  private static <T> T await(Future<T> f) {
    try {
      return f.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unreachable(e.getCause());
    } catch (TimeoutException | KafkaException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(e);
    }
  }

  private static IllegalStateException unreachable(Throwable cause) {
    return new IllegalStateException("kafka: " + cause, cause);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
    admin.close(Duration.ofSeconds(2));
  }
}

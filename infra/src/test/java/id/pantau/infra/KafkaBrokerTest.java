package id.pantau.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.events.Topics;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {
  @TempDir Path dataDir;

  @Test
  void createsThePantauTopicsCompactingReferenceDataAndCarriesRecords() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(dataDir)) {
      broker.createPantauTopics(2);
      broker.createPantauTopics(2); // idempotent: a demo restarts on existing topics

      try (Admin admin = admin(broker)) {
        assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL);
        for (String topic : Topics.ALL) {
          assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic))
              .satisfies(d -> assertThat(d.partitions()).hasSize(2));
        }
        Map<String, String> policies = cleanupPolicies(admin, Topics.ALL);
        for (String topic : Topics.ALL) {
          assertThat(policies.get(topic))
              .as(topic)
              .isEqualTo(Topics.COMPACTED.contains(topic) ? "compact" : "delete");
        }
      }

      send(broker, Topics.ATTENDANCE, "198703122010011002", "checked in");
      assertThat(readAll(broker, Topics.ATTENDANCE, 1)).containsExactly("checked in");
    }
  }

  @Test
  void stopClosesThePortEndsTheProcessAndARestartKeepsTopicsAndRecords() throws Exception {
    KafkaBroker first = KafkaBroker.start(dataDir);
    first.createTopic("kept", 1, true);
    send(first, "kept", "unit-1", "v1");
    long pid = first.pid();
    int port = first.port();

    first.stop();

    assertThat(FreePort.accepts(port)).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

    try (KafkaBroker second = KafkaBroker.start(dataDir)) {
      try (Admin admin = admin(second)) {
        assertThat(admin.listTopics().names().get()).contains("kept");
        assertThat(cleanupPolicies(admin, List.of("kept"))).containsEntry("kept", "compact");
      }
      assertThat(readAll(second, "kept", 1)).containsExactly("v1");
      second.createTopic("kept", 1, true); // existing topic is fine
    }
  }

  @Test
  void killEndsTheProcessAtOnceAndTheDataDirStillStarts() throws Exception {
    KafkaBroker broker = KafkaBroker.start(dataDir);
    broker.createTopic(Topics.ALERTS, 1, false);
    long pid = broker.pid();

    broker.kill();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (KafkaBroker again = KafkaBroker.start(dataDir)) {
      try (Admin admin = admin(again)) {
        assertThat(admin.listTopics().names().get()).contains(Topics.ALERTS);
      }
    }
  }

  @Test
  void aTakenPortFailsBeforeLaunchingAJvm() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(FreePort.LOOPBACK, 0));
      assertThatThrownBy(() -> KafkaBroker.start(dataDir, taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is taken");
    }
  }

  @Test
  void aBrokerThatDiesOnStartFailsWithTheCauseFromItsLog() throws Exception {
    // A data directory of another node: the broker refuses it and exits.
    Path logs = Files.createDirectories(dataDir.resolve("kafka-logs"));
    Files.writeString(
        logs.resolve("meta.properties"), "version=1\ncluster.id=bm1tY2x1c3Rlcg\nnode.id=7\n");

    assertThatThrownBy(() -> KafkaBroker.start(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not start")
        .hasMessageContaining(dataDir.resolve("kafka.log").toString())
        .hasMessageContaining("Stored node id 7")
        .hasMessageContaining("What next");
  }

  private static Admin admin(KafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static Map<String, String> cleanupPolicies(Admin admin, List<String> topics)
      throws Exception {
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
    return configs.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> e.getKey().name(),
                e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
  }

  private static void send(KafkaBroker broker, String topic, String key, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Polls from the beginning until the expected count arrived or 30 s passed. */
  private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}

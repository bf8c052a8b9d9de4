package id.pantau.ingest;

import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.attendance;
import static id.pantau.ingest.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka goes away under a running ingest and comes back: ingest answers 503 with Retry-After within
 * its bound, keeps running, and takes events again once the broker is back. This class owns its
 * broker, so stopping it disturbs no other test.
 */
class KafkaOutageTest {
  @TempDir static Path dataDir;
  static KafkaBroker broker;
  static Ingest ingest;
  static HttpProbe http;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start(dataDir.resolve("kafka"));
    broker.createPantauTopics(1);
    ingest =
        Ingest.start(
            IngestConfig.builder()
                .kafkaBootstrap(broker.bootstrapServers())
                .host("127.0.0.1")
                .port(0)
                .build(), // the default bound: 5 s
            TestData.tokens(),
            TestData.clock());
    http = new HttpProbe(ingest.url());
  }

  @AfterAll
  static void stop() {
    if (ingest != null) ingest.close();
    if (broker != null) broker.close();
  }

  @Test
  void answers503WithRetryAfterWhileKafkaIsDownAndRecoversWhenItIsBack() throws Exception {
    int port = broker.port();
    assertThat(http.postEvent(DEVICE, attendance(id(), "nip-o1")).status()).isEqualTo(202);

    broker.stop();
    long t0 = System.nanoTime();
    String duringOutage = id();
    var refused = http.postEvent(DEVICE, attendance(duringOutage, "nip-o2"));
    long tookMs = (System.nanoTime() - t0) / 1_000_000;

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(refused.json().get("error").asText()).contains("retry after 5 s");
    assertThat(refused.firstError()).startsWith("kafka: ");
    assertThat(tookMs).isLessThan(5000 + 2000 + 1000); // bound + ack slack + HTTP
    assertThat(http.get("/v1/health").status()).isEqualTo(503);
    System.err.printf("503 answered after %d ms with Kafka down%n", tookMs);

    broker = KafkaBroker.start(dataDir.resolve("kafka"), port);
    long t1 = System.nanoTime();
    HttpProbe.Answer retried = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) { // the client's retry loop, as a device would run it
      retried = http.postEvent(DEVICE, attendance(duringOutage, "nip-o2"));
      if (retried.status() == 202) break;
      assertThat(retried.status()).isEqualTo(503);
    }
    assertThat(retried.status()).isEqualTo(202);
    System.err.printf(
        "accepted again %d ms after the broker was back%n", (System.nanoTime() - t1) / 1_000_000);
    assertThat(http.get("/v1/health").status()).isEqualTo(200);

    try (TopicProbe topics = new TopicProbe(broker.bootstrapServers())) {
      Map<TopicPartition, Long> start = topics.end(Topics.ATTENDANCE);
      start.replaceAll((tp, end) -> 0L);
      List<ConsumerRecord<String, String>> records = topics.since(start);
      assertThat(records)
          .filteredOn(r -> r.value().contains(duringOutage))
          .isNotEmpty()
          .allSatisfy(
              r ->
                  assertThat(Json.MAPPER.readTree(r.value()).get("nip").asText())
                      .isEqualTo("nip-o2"));
      assertThat(records).extracting(ConsumerRecord::key).contains("nip-o1", "nip-o2");
    }
  }
}

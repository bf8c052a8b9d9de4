package id.pantau.jobs;

import static id.pantau.jobs.LiveStack.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bytes that are not an event, written straight to every topic the jobs read (not through ingest,
 * as any other producer could): each is a dead letter on {@code pantau.deadletter.v1} naming its
 * reason, topic, partition and offset, and the job goes on: it runs without a restart strategy, so
 * a poison record that failed it would end it, and the check-in written after the poison is
 * counted.
 */
class PoisonRecordsIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  /** Every topic a job reads. */
  static final List<String> INPUTS =
      List.of(
          Topics.ATTENDANCE,
          Topics.LOCATION,
          Topics.UNITS,
          Topics.REGIONS,
          Topics.ZONES,
          Topics.EXPOSURES,
          Topics.POLICIES,
          Topics.ROSTERS);

  /** Not UTF-8, not JSON: a NUL, bytes no encoding makes, half an object. */
  static final byte[] POISON = {0, (byte) 0xFF, (byte) 0xFE, 'p', 'o', 'i', 's', 'o', 'n', '{'};

  @Test
  void poisonOnEveryInputTopicIsADeadLetterWithItsPlaceAndTheJobGoesOnWithoutARestart()
      throws Exception {
    LiveStack stack = STACK.get();
    Instant base = Instant.now().minusSeconds(240);
    stack.sendUnit(
        "tng-bkpsdm", "BKPSDM", "kota-tangerang", "Asia/Jakarta", 10, base.minusSeconds(3600));
    Map<String, RecordMetadata> poisoned = new LinkedHashMap<>();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String topic : INPUTS) {
        // A key: compacted topics refuse a record without one.
        poisoned.put(
            topic, raw.send(new ProducerRecord<>(topic, "poison".getBytes(), POISON)).get());
      }
    }
    stack.send(
        Topics.ATTENDANCE,
        "nip1",
        LiveStack.attendance("nip1", "tng-bkpsdm", "CHECK_IN", base.plusSeconds(1)));

    Configuration noRestarts = new Configuration();
    noRestarts.setString("restart-strategy.type", "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
    JobsConfig cfg = stack.config().withParallelism(2);
    PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    JobClient job = env.executeAsync("poison-it");
    try (LiveStack.TopicReader deadLetters = stack.read(Topics.DEADLETTER)) {
      for (var e : poisoned.entrySet()) {
        RecordMetadata at = e.getValue();
        JsonNode d =
            deadLetters.await(
                "the poison record of " + e.getKey(),
                DEADLINE,
                r ->
                    r.path("topic").asText().equals(at.topic())
                        && r.path("partition").asInt(-1) == at.partition()
                        && r.path("offset").asLong(-1) == at.offset());
        assertThat(d.path("reason").asText()).as("%s: reason", e.getKey()).isNotBlank();
        assertThat(d.path("stage").asText()).as("%s: stage", e.getKey()).isEqualTo("json-decoder");
        assertThat(d.path("key").asText()).isEqualTo("poison");
      }
      // The check-in after the poison is counted.
      stack.awaitPresent("tng-bkpsdm", 1);
      assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState())
          .as("the job still runs, never failed")
          .isFalse();
    } finally {
      job.cancel().get();
    }
  }
}

package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Topics;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole occupancy job on a MiniCluster, between a real Kafka broker and a real influxd. */
class OccupancyJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final Duration DEADLINE = Duration.ofSeconds(90);
  @TempDir static Path dir;
  static KafkaBroker kafka;
  static InfluxServer influx;
  static InfluxDB client;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"));
    kafka.createPantauTopics(2);
    influx = InfluxServer.start(dir.resolve("influx"));
    client = InfluxDBFactory.connect(influx.url());
  }

  @AfterAll
  static void stop() {
    if (client != null) client.close();
    if (influx != null) influx.close();
    if (kafka != null) kafka.close();
  }

  @Test
  void countsPresentStaffIntoInfluxAndDeadLettersWhatItCannotUse() throws Exception {
    // Event times a few minutes ago, in WIB: the live watermark (wall clock when idle) passes them.
    Instant base = Instant.now().minusSeconds(240);
    String unit =
        """
        {"unitId":"tng-dishub","name":"Dinas Perhubungan","region":"kota-tangerang",
         "timeZone":"Asia/Jakarta","headcount":8,"essential":true,"minPresent":2,
         "effectiveFrom":"%s"}"""
            .formatted(wib(base.minusSeconds(3600)));
    try (KafkaProducer<String, String> p = producer()) {
      p.send(new ProducerRecord<>(Topics.UNITS, "tng-dishub", unit)).get();
      for (int i = 1; i <= 3; i++)
        p.send(
                new ProducerRecord<>(
                    Topics.ATTENDANCE,
                    "nip" + i,
                    checkIn("nip" + i, base.plusSeconds(i), "CHECK_IN")))
            .get();
      p.send(
              new ProducerRecord<>(
                  Topics.ATTENDANCE, "nip3", checkIn("nip3", base.plusSeconds(60), "CHECK_OUT")))
          .get();
      p.send(
              new ProducerRecord<>(
                  Topics.ATTENDANCE, "nip1", checkIn("nip1", base.plusSeconds(1), "CHECK_IN")))
          .get(); // a duplicate
      p.send(new ProducerRecord<>(Topics.ATTENDANCE, "x", "{\"type\": \"attendance\", broken"))
          .get();
      p.send(
              new ProducerRecord<>(
                  Topics.ATTENDANCE,
                  "nip9",
                  checkIn("nip9", base, "CHECK_IN").replace("tng-dishub", "tng-nowhere")))
          .get();
    }

    JobsConfig cfg =
        JobsConfig.defaults()
            .withKafka(kafka.bootstrapServers())
            .withInflux(influx.url())
            .withStartFrom("earliest")
            .withParallelism(2);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobClient job = PantauJobs.start(env, cfg);
    try {
      Map<String, Object> latest =
          await(
              "present = 2 in InfluxDB",
              () -> {
                Map<String, Object> row = latestOccupancy("tng-dishub");
                return row != null && ((Number) row.get("present")).intValue() == 2 ? row : null;
              });
      assertThat(((Number) latest.get("headcount")).intValue()).isEqualTo(8);
      assertThat(((Number) latest.get("share")).doubleValue()).isEqualTo(0.25);
      assertThat(latest.get("region")).isEqualTo("kota-tangerang");
      assertThat(latest.keySet()).doesNotContain("nip", "deviceId", "lat", "lon");

      List<String> reasons = new ArrayList<>();
      try (KafkaConsumer<String, String> c = consumer()) {
        c.subscribe(List.of(Topics.DEADLETTER));
        await(
            "two dead letters",
            () -> {
              for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500)))
                reasons.add(r.value());
              boolean both =
                  reasons.stream().anyMatch(r -> r.contains("not valid JSON"))
                      && reasons.stream().anyMatch(r -> r.contains("unknown unit"));
              return both ? reasons : null;
            });
      }
      assertThat(reasons)
          .anySatisfy(r -> assertThat(r).contains("body: not valid JSON").contains("\"offset\""));
      assertThat(reasons)
          .anySatisfy(r -> assertThat(r).contains("unitId: unknown unit 'tng-nowhere'"));
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  static String wib(Instant t) {
    return t.atOffset(ZoneOffset.ofHours(7)).toString();
  }

  static String checkIn(String nip, Instant t, String action) {
    return """
        {"type":"attendance","eventId":"%s-%s-%d","nip":"%s","unitId":"tng-dishub","action":"%s",
         "mode":"WFO","time":"%s","source":"KIOSK"}"""
        .formatted(nip, action, t.toEpochMilli(), nip, action, wib(t));
  }

  static Map<String, Object> latestOccupancy(String unit) {
    QueryResult r =
        client.query(
            new Query(
                "SELECT * FROM occupancy WHERE unit = '" + unit + "' ORDER BY time DESC LIMIT 1",
                "pantau"));
    if (r.hasError() || r.getResults().get(0).getSeries() == null) return null;
    QueryResult.Series s = r.getResults().get(0).getSeries().get(0);
    Map<String, Object> row = new java.util.HashMap<>();
    for (int i = 0; i < s.getColumns().size(); i++)
      row.put(s.getColumns().get(i), s.getValues().get(0).get(i));
    return row;
  }

  static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      T v = probe.get();
      if (v != null) return v;
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
    }
    throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
  }

  static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  static KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}

package id.pantau.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.events.Topics;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import id.pantau.sink.InfluxConfig;
import id.pantau.sink.InfluxLineClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
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

/**
 * The policy engine in the whole job on a MiniCluster, between a real Kafka broker and a real
 * influxd: a zone caps a unit, a breach opens after the region's dwell and closes when staff leave.
 */
class PolicyJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final Duration DEADLINE = Duration.ofSeconds(90);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String UNIT = "srg-bpkad";
  static final String REGION = "kota-serang";

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
  void opensABreachAfterTheDwellAndClosesItWhenStaffLeave() throws Exception {
    Instant now = Instant.now();
    Instant hourAgo = now.minusSeconds(3600);
    // Check-ins three minutes ago: the wall-clock watermark passes them, and the one-minute dwell
    // of the third (over the cap of 2) has passed too.
    Instant base = now.minusSeconds(180);
    try (KafkaProducer<String, String> p = producer()) {
      send(
          p,
          Topics.UNITS,
          UNIT,
          """
          {"unitId":"%s","name":"BPKAD Kota Serang","region":"%s","timeZone":"Asia/Jakarta",
           "headcount":8,"essential":false,"effectiveFrom":"%s"}"""
              .formatted(UNIT, REGION, wib(hourAgo)));
      send(
          p,
          Topics.ZONES,
          REGION + "@" + hourAgo.toEpochMilli(),
          """
          {"region":"%s","level":"HIGH","effectiveFrom":"%s"}"""
              .formatted(REGION, wib(hourAgo)));
      send(
          p,
          Topics.POLICIES,
          REGION + "@" + hourAgo.toEpochMilli(),
          """
          {"region":"%s","effectiveFrom":"%s","breachDwellS":60}"""
              .formatted(REGION, wib(hourAgo)));
      for (int i = 1; i <= 4; i++)
        send(p, Topics.ATTENDANCE, "nip" + i, attendance("nip" + i, base.plusSeconds(i), "IN"));
    }

    JobsConfig cfg =
        JobsConfig.defaults()
            .withKafka(kafka.bootstrapServers())
            .withInflux(influx.url())
            .withStartFrom("earliest");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    JobClient job = env.executeAsync("policy-it");
    try (KafkaConsumer<String, String> alerts = consumer()) {
      alerts.subscribe(List.of(Topics.ALERTS));

      List<JsonNode> seen = new ArrayList<>();
      JsonNode opened = awaitAlert(alerts, seen, "OPEN");
      assertThat(opened.path("kind").asText()).isEqualTo("OVER_CAP");
      assertThat(opened.path("unitId").asText()).isEqualTo(UNIT);
      assertThat(opened.path("region").asText()).isEqualTo(REGION);
      assertThat(opened.path("limit").asInt()).isEqualTo(2);
      assertThat(opened.path("present").asInt()).isGreaterThan(2);
      assertThat(opened.path("durationS").asLong()).isEqualTo(60); // the region's dwell
      assertThat(opened.has("endedAt")).isFalse();
      // Over the cap from the third check-in on (a point per whole second).
      Instant startedAt = Instant.parse(opened.path("startedAt").asText());
      assertThat(startedAt).isBetween(base.plusSeconds(3), Instant.now());

      Map<String, Object> point =
          await("an open breach in InfluxDB", () -> breachRow(startedAt, true));
      assertThat(number(point, "limit")).isEqualTo(2);
      assertThat(number(point, "present")).isGreaterThan(2);
      assertThat(number(point, "duration_s")).isEqualTo(60);
      assertThat(point.get("kind")).isEqualTo("OVER_CAP");
      assertThat(point.get("region")).isEqualTo(REGION);
      Map<String, Object> occupancy =
          await(
              "occupancy present=4",
              () -> {
                Map<String, Object> row = latest("occupancy", UNIT);
                return row != null && number(row, "present") == 4 ? row : null;
              });
      assertThat(number(occupancy, "cap")).isEqualTo(2); // HIGH: 25 % of 8
      assertThat(number(occupancy, "headcount")).isEqualTo(8);
      assertThat(number(occupancy, "share")).isEqualTo(0.5);
      assertThat(number(occupancy, "floor")).isZero();

      Instant out = Instant.now().minusSeconds(1);
      try (KafkaProducer<String, String> p = producer()) {
        for (int i = 3; i <= 4; i++)
          send(p, Topics.ATTENDANCE, "nip" + i, attendance("nip" + i, out, "OUT"));
      }

      JsonNode closed = awaitAlert(alerts, seen, "CLOSE");
      assertThat(closed.path("alertId").asText()).isEqualTo(opened.path("alertId").asText());
      assertThat(closed.path("startedAt").asText()).isEqualTo(opened.path("startedAt").asText());
      assertThat(closed.path("present").asInt()).isEqualTo(2);
      Instant endedAt = Instant.parse(closed.path("endedAt").asText());
      assertThat(endedAt).isAfterOrEqualTo(out);
      assertThat(closed.path("durationS").asLong())
          .isEqualTo(Duration.between(startedAt, endedAt).toSeconds())
          .isGreaterThanOrEqualTo(60);

      Map<String, Object> rewritten =
          await("the breach rewritten open=false", () -> breachRow(startedAt, false));
      assertThat(number(rewritten, "duration_s")).isEqualTo(closed.path("durationS").asLong());
      assertThat(number(rewritten, "present")).isEqualTo(4); // the most present while it held
      assertThat(count("breach", UNIT)).isEqualTo(1); // one point: the close rewrote the open
      assertThat(columns("breach")).doesNotContain("nip", "unscheduledNips", "deviceId");
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void writesTheShareOfALargeUnitThatJavaPrintsWithAnExponent() throws Exception {
    OccupancyStatus s = new OccupancyStatus();
    s.unitId = "srg-rsud";
    s.region = REGION;
    s.timeMs = Instant.now().toEpochMilli();
    s.present = 1;
    s.headcount = 1500;
    s.cap = 375;
    String line = StatusLines.encode(s);
    assertThat(line).containsPattern("share=6\\.6+\\d*E-4,"); // Double.toString's notation

    try (InfluxLineClient c =
        new InfluxLineClient(InfluxConfig.of(influx.url(), "pantau", 10, 1000))) {
      c.ensureDatabase();
      c.write(List.of(line));
    }
    Map<String, Object> row = latest("occupancy", "srg-rsud");
    assertThat(row).isNotNull();
    assertThat(number(row, "share"))
        .isCloseTo(1.0 / 1500, org.assertj.core.data.Offset.offset(1e-12));
  }

  // ------------------------------------------------------------------------------ helpers

  static JsonNode awaitAlert(
      KafkaConsumer<String, String> alerts, List<JsonNode> seen, String phase)
      throws InterruptedException {
    return await(
        "a " + phase + " alert for " + UNIT,
        () -> {
          for (ConsumerRecord<String, String> r : alerts.poll(Duration.ofMillis(500))) {
            try {
              seen.add(JSON.readTree(r.value()));
            } catch (java.io.IOException e) {
              throw new AssertionError("not JSON on " + Topics.ALERTS + ": " + r.value(), e);
            }
          }
          return seen.stream()
              .filter(a -> a.path("unitId").asText().equals(UNIT))
              .filter(a -> a.path("phase").asText().equals(phase))
              .findFirst()
              .orElse(null);
        });
  }

  static Map<String, Object> breachRow(Instant startedAt, boolean open) {
    Map<String, Object> row = latest("breach", UNIT);
    if (row == null || !Boolean.valueOf(open).equals(row.get("open"))) return null;
    assertThat(Instant.parse((String) row.get("time"))).isEqualTo(startedAt);
    return row;
  }

  static String wib(Instant t) {
    return t.atOffset(ZoneOffset.ofHours(7)).toString();
  }

  static String attendance(String nip, Instant t, String inOrOut) {
    return """
        {"type":"attendance","eventId":"%s-%s-%d","nip":"%s","unitId":"%s","action":"CHECK_%s",
         "mode":"WFO","time":"%s","source":"KIOSK"}"""
        .formatted(nip, inOrOut, t.toEpochMilli(), nip, UNIT, inOrOut, wib(t));
  }

  static void send(KafkaProducer<String, String> p, String topic, String key, String value)
      throws Exception {
    p.send(new ProducerRecord<>(topic, key, value)).get();
  }

  static double number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  static QueryResult.Series series(String influxQl) {
    QueryResult r = client.query(new Query(influxQl, "pantau"));
    if (r.hasError() || r.getResults() == null || r.getResults().isEmpty()) return null;
    QueryResult.Result first = r.getResults().get(0);
    if (first.hasError() || first.getSeries() == null || first.getSeries().isEmpty()) return null;
    return first.getSeries().get(0);
  }

  /** The newest point of the unit in the measurement, with its tags, or null. */
  static Map<String, Object> latest(String measurement, String unit) {
    QueryResult.Series s =
        series(
            "SELECT * FROM "
                + measurement
                + " WHERE unit = '"
                + unit
                + "' ORDER BY time DESC LIMIT 1");
    if (s == null) return null;
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < s.getColumns().size(); i++)
      row.put(s.getColumns().get(i), s.getValues().get(0).get(i));
    return row;
  }

  static long count(String measurement, String unit) {
    QueryResult.Series s =
        series("SELECT count(\"limit\") FROM " + measurement + " WHERE unit = '" + unit + "'");
    return s == null ? 0 : ((Number) s.getValues().get(0).get(1)).longValue();
  }

  static List<String> columns(String measurement) {
    QueryResult.Series s = series("SELECT * FROM " + measurement + " LIMIT 1");
    return s == null ? List.of() : s.getColumns();
  }

  static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      T v = probe.get();
      if (v != null) return v;
      LockSupport.parkNanos(200_000_000L);
      if (Thread.interrupted()) throw new InterruptedException(what);
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
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "policy-it-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}

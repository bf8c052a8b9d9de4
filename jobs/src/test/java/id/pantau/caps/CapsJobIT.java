package id.pantau.caps;

import static id.pantau.jobs.LiveStack.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import id.pantau.jobs.LiveStack;
import id.pantau.jobs.TestJobs;
import id.pantau.sink.InfluxConfig;
import id.pantau.sink.InfluxLineClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The policy engine in the whole job on a MiniCluster, between a real Kafka broker and a real
 * influxd: a zone caps a unit, a breach opens after the region's dwell and closes when staff leave.
 */
class CapsJobIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  static final String UNIT = "srg-bpkad";
  static final String REGION = "kota-serang";

  @Test
  void opensABreachAfterTheDwellAndClosesItWhenStaffLeave() throws Exception {
    Instant now = Instant.now();
    Instant hourAgo = now.minusSeconds(3600);
    // Check-ins three minutes ago: the wall-clock watermark passes them, and the one-minute dwell
    // of the third (over the cap of 2) has passed too.
    Instant base = now.minusSeconds(180);
    LiveStack stack = STACK.get();
    stack.sendUnit(UNIT, "BPKAD Kota Serang", REGION, "Asia/Jakarta", 8, hourAgo);
    stack.send(
        Topics.ZONES,
        REGION + "@" + hourAgo.toEpochMilli(),
        """
        {"region":"%s","level":"HIGH","effectiveFrom":"%s"}"""
            .formatted(REGION, LiveStack.wib(hourAgo)));
    stack.send(
        Topics.POLICIES,
        REGION + "@" + hourAgo.toEpochMilli(),
        """
        {"region":"%s","effectiveFrom":"%s","breachDwellS":60}"""
            .formatted(REGION, LiveStack.wib(hourAgo)));
    for (int i = 1; i <= 4; i++)
      stack.send(Topics.ATTENDANCE, "nip" + i, attendance("nip" + i, base.plusSeconds(i), "IN"));

    JobClient job = stack.startJobs("policy-it");
    try (LiveStack.TopicReader alerts = stack.read(Topics.ALERTS)) {
      JsonNode opened = awaitAlert(alerts, "OPEN");
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
      for (int i = 3; i <= 4; i++)
        stack.send(Topics.ATTENDANCE, "nip" + i, attendance("nip" + i, out, "OUT"));

      JsonNode closed = awaitAlert(alerts, "CLOSE");
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
    OccupancyStatus s =
        new OccupancyStatus("srg-rsud", REGION, Instant.now().toEpochMilli(), 1, 1500);
    s.cap = 375;
    String line = StatusLines.encode(s);
    assertThat(line).containsPattern("share=6\\.6+\\d*E-4,"); // Double.toString's notation

    try (InfluxLineClient c =
        new InfluxLineClient(InfluxConfig.of(STACK.get().influx.url(), "pantau", 10, 1000))) {
      c.ensureDatabase();
      c.write(List.of(line));
    }
    Map<String, Object> row = latest("occupancy", "srg-rsud");
    assertThat(row).isNotNull();
    assertThat(number(row, "share"))
        .isCloseTo(1.0 / 1500, org.assertj.core.data.Offset.offset(1e-12));
  }

  // ------------------------------------------------------------------------------ helpers

  static JsonNode awaitAlert(LiveStack.TopicReader alerts, String phase)
      throws InterruptedException {
    return alerts.await(
        "a " + phase + " alert for " + UNIT,
        DEADLINE,
        a -> a.path("unitId").asText().equals(UNIT) && a.path("phase").asText().equals(phase));
  }

  static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    return LiveStack.await(what, DEADLINE, probe);
  }

  static Map<String, Object> breachRow(Instant startedAt, boolean open) {
    Map<String, Object> row = latest("breach", UNIT);
    if (row == null || !Boolean.valueOf(open).equals(row.get("open"))) return null;
    assertThat(Instant.parse((String) row.get("time"))).isEqualTo(startedAt);
    return row;
  }

  static String attendance(String nip, Instant t, String inOrOut) {
    return LiveStack.attendance(nip, UNIT, "CHECK_" + inOrOut, t);
  }

  static double number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  /** The newest point of the unit in the measurement, with its tags, or null. */
  static Map<String, Object> latest(String measurement, String unit) {
    return STACK.get().latest(measurement, unit);
  }

  static long count(String measurement, String unit) {
    List<Map<String, Object>> rows =
        STACK
            .get()
            .rows(
                "SELECT count(\"limit\") FROM " + measurement + " WHERE unit = $unit",
                Map.of("unit", unit));
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  static Set<String> columns(String measurement) {
    List<Map<String, Object>> rows =
        STACK.get().rows("SELECT * FROM " + measurement + " LIMIT 1", Map.of());
    return rows.isEmpty() ? Set.of() : rows.get(0).keySet();
  }
}

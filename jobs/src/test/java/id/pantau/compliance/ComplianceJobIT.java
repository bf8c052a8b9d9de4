package id.pantau.compliance;

import static id.pantau.jobs.LiveStack.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import id.pantau.jobs.LiveStack;
import id.pantau.jobs.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Check-in compliance in the whole job on a MiniCluster between a real Kafka broker and a real
 * influxd, on the wall clock: the region's policy puts today's check-in deadline some seconds from
 * now in the unit's zone; an employee who does not check in is MISSED at the cutoff with no traffic
 * at all (the idle watermark follows the wall clock), on the alerts topic, the check-in records and
 * the `compliance` counts; a check-in made before the deadline but uploaded after the decision then
 * turns it into LATE_UPLOAD in all three.
 */
class ComplianceJobIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  static final String REGION = "kota-makassar-it";
  static final String UNIT = "mks-bkpsdm";
  static final String PROBE_UNIT = "mks-probe";
  static final String ON_TIME = "198001012005011001";
  static final String MISSES = "198001012005011002";
  static final String PROBE = "198001012005011999";
  static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

  static LiveStack stack;

  @BeforeAll
  static void start() {
    stack = STACK.get();
  }

  @Test
  void aMissedCheckInIsDecidedWithoutTrafficAndALateUploadCorrectsIt() throws Exception {
    // Parallelism 1: one check-in tracker, so the probe below proves the policy reached it.
    JobClient job = stack.startJobs("compliance-it", stack.config().withParallelism(1));
    try (LiveStack.TopicReader alerts = stack.read(Topics.ALERTS);
        LiveStack.TopicReader checkins = stack.read(Topics.CHECKINS)) {
      ZoneId zone = zoneAwayFromMidnight();
      String date = LocalDate.now(zone).toString();
      sendUnits(zone);
      // The jobs are live once a probe employee's roster (another unit, so the counts below stay
      // clean) comes back planned, whatever the plan; only then does the clock start.
      long started = System.nanoTime();
      probe(checkins, date, r -> true);
      System.out.printf(
          "compliance-it: jobs live %d ms after the start%n",
          (System.nanoTime() - started) / 1_000_000);

      ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
      ZonedDateTime deadline = now.plusSeconds(20);
      ZonedDateTime cutoff = deadline.plusSeconds(10);
      sendPolicy(zone, deadline, cutoff);
      // The policy and the rosters travel on different topics; a roster planned before its
      // region's policy is known would use the seed's 07:30. The probe's roster is sent again
      // (a roster change plans anew) until its plan shows the policy's deadline.
      long deadlineMs = deadline.toInstant().toEpochMilli();
      JsonNode probe = probe(checkins, date, r -> r.path("windowEndMs").asLong() == deadlineMs);
      assertThat(probe.path("decideAtMs").asLong()).isEqualTo(cutoff.toInstant().toEpochMilli());

      stack.send(Topics.ROSTERS, ON_TIME + "@" + date, roster(ON_TIME, UNIT, date));
      stack.send(Topics.ROSTERS, MISSES + "@" + date, roster(MISSES, UNIT, date));
      Instant checkedIn = Instant.now();
      stack.send(Topics.ATTENDANCE, ON_TIME, checkIn(ON_TIME, "in-1", checkedIn, checkedIn));
      JsonNode pending =
          checkins.await(
              "PENDING for " + MISSES, DEADLINE, r -> isResult(r, MISSES, "PENDING", null));
      assertThat(Instant.now())
          .as("planned before the cutoff, so the decision is the idle watermark's")
          .isBefore(cutoff.toInstant());
      assertThat(pending.path("windowEndMs").asLong())
          .isEqualTo(deadline.toInstant().toEpochMilli());

      // From here on nothing is sent until the decision.
      JsonNode missed =
          alerts.await(
              "MISSED_ATTENDANCE for " + MISSES,
              DEADLINE,
              a -> isAlert(a, MISSES, "MISSED_ATTENDANCE", "RAISED"));
      Instant decidedBy = Instant.now();
      System.out.printf(
          "compliance-it: MISSED seen %d ms after the cutoff, no traffic since%n",
          Duration.between(cutoff.toInstant(), decidedBy).toMillis());
      assertThat(decidedBy)
          .as("MISSED within 60 s of the cutoff with no traffic")
          .isBetween(cutoff.toInstant(), cutoff.toInstant().plusSeconds(60));
      assertThat(missed.path("unitId").asText()).isEqualTo(UNIT);
      assertThat(missed.path("region").asText()).isEqualTo(REGION);
      assertThat(missed.path("date").asText()).isEqualTo(date);
      assertThat(missed.path("message").asText())
          .contains("no check-in by " + HH_MM_SS.format(cutoff));
      checkins.await(
          "MISSED for " + MISSES, DEADLINE, r -> isResult(r, MISSES, "MISSED", "PENDING"));
      checkins.await(
          "ON_TIME for " + ON_TIME, DEADLINE, r -> isResult(r, ON_TIME, "ON_TIME", "PENDING"));
      Map<String, Object> counts =
          LiveStack.await(
              "compliance counts with one missed",
              DEADLINE,
              () -> counts(deadline, c -> num(c, "missed") == 1 && num(c, "on_time") == 1));
      assertThat(num(counts, "expected")).isEqualTo(2);
      assertThat(num(counts, "late")).isZero();
      assertThat(num(counts, "pending")).isZero();
      assertThat(num(counts, "rate")).isEqualTo(0.5);
      assertThat(counts.get("region")).isEqualTo(REGION);

      // The phone was offline: a check-in made before the deadline, uploaded only now.
      Instant madeAt = deadline.toInstant().minusSeconds(5);
      stack.send(Topics.ATTENDANCE, MISSES, checkIn(MISSES, "in-2", madeAt, Instant.now()));

      JsonNode corrected =
          alerts.await(
              "LATE_UPLOAD for " + MISSES,
              DEADLINE,
              a -> isAlert(a, MISSES, "LATE_UPLOAD", "CORRECTED"));
      assertThat(corrected.path("alertId").asText()).isEqualTo(missed.path("alertId").asText());
      JsonNode record =
          checkins.await(
              "LATE_UPLOAD for " + MISSES,
              DEADLINE,
              r -> isResult(r, MISSES, "LATE_UPLOAD", "MISSED"));
      assertThat(record.path("checkinAt").asLong()).isEqualTo(madeAt.toEpochMilli());
      Map<String, Object> fixed =
          LiveStack.await(
              "compliance counts with the late upload",
              DEADLINE,
              () -> counts(deadline, c -> num(c, "missed") == 0));
      assertThat(num(fixed, "expected")).isEqualTo(2);
      assertThat(num(fixed, "on_time")).isEqualTo(1);
      assertThat(num(fixed, "late")).isEqualTo(1);
      assertThat(num(fixed, "late_upload")).isEqualTo(1);
      assertThat(num(fixed, "rate")).isEqualTo(1.0);
      assertThat(fixed.keySet()).doesNotContain("nip", "deviceId", "lat", "lon");
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /** A zone of the three whose local date does not change in the next few minutes. */
  static ZoneId zoneAwayFromMidnight() {
    for (String z : List.of("Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura")) {
      ZoneId zone = ZoneId.of(z);
      ZonedDateTime now = ZonedDateTime.now(zone);
      if (now.toLocalDate().equals(now.plusMinutes(10).toLocalDate())) return zone;
    }
    throw new AssertionError("unreachable: the zones are an hour or more apart");
  }

  void sendUnits(ZoneId zone) {
    Instant hourAgo = Instant.now().minusSeconds(3600);
    for (String unit : List.of(UNIT, PROBE_UNIT)) {
      stack.sendUnit(unit, "BKPSDM Kota Makassar", REGION, zone.getId(), 20, hourAgo);
    }
  }

  void sendPolicy(ZoneId zone, ZonedDateTime deadline, ZonedDateTime cutoff) {
    // In force since yesterday, so it is the policy of today's date (folded at its start).
    ZonedDateTime since = LocalDate.now(zone).minusDays(1).atStartOfDay(zone);
    stack.send(
        Topics.POLICIES,
        REGION + "@" + since.toInstant().toEpochMilli(),
        """
        {"region":"%s","effectiveFrom":"%s","checkinDeadline":"%s","checkinCutoff":"%s"}"""
            .formatted(
                REGION,
                since.toOffsetDateTime(),
                HH_MM_SS.format(deadline),
                HH_MM_SS.format(cutoff)));
  }

  /** Sends the probe's roster every 2 s until one of its results matches. */
  static JsonNode probe(
      LiveStack.TopicReader checkins, String date, java.util.function.Predicate<JsonNode> match)
      throws InterruptedException {
    return LiveStack.await(
        "the probe's roster planned",
        DEADLINE,
        () -> {
          stack.send(Topics.ROSTERS, PROBE + "@" + date, roster(PROBE, PROBE_UNIT, date));
          long until = System.nanoTime() + 2_000_000_000L;
          JsonNode found = null;
          while (found == null && System.nanoTime() < until) {
            found = checkins.find(r -> r.path("nip").asText().equals(PROBE) && match.test(r));
            LockSupport.parkNanos(100_000_000L); // a poll interval
          }
          return found;
        });
  }

  static String roster(String nip, String unit, String date) {
    return """
        {"nip":"%s","unitId":"%s","date":"%s","mode":"WFO"}"""
        .formatted(nip, unit, date);
  }

  static String checkIn(String nip, String eventId, Instant at, Instant receivedAt) {
    return """
        {"type":"attendance","eventId":"%s","nip":"%s","unitId":"%s","action":"CHECK_IN",
         "mode":"WFO","time":"%s","source":"KIOSK","receivedAt":%d}"""
        .formatted(eventId, nip, UNIT, at, receivedAt.toEpochMilli());
  }

  static boolean isResult(JsonNode r, String nip, String status, String previous) {
    return r.path("nip").asText().equals(nip)
        && r.path("window").asText().equals("ATTENDANCE")
        && r.path("status").asText().equals(status)
        && (previous == null
            ? r.path("previousStatus").isNull() || r.path("previousStatus").isMissingNode()
            : r.path("previousStatus").asText().equals(previous));
  }

  static boolean isAlert(JsonNode a, String nip, String kind, String phase) {
    return a.path("nip").asText().equals(nip)
        && a.path("kind").asText().equals(kind)
        && a.path("phase").asText().equals(phase);
  }

  /** The unit's ATTENDANCE point at the deadline, when it matches. */
  static Map<String, Object> counts(
      ZonedDateTime deadline, java.util.function.Predicate<Map<String, Object>> match) {
    List<Map<String, Object>> rows =
        stack.rows(
            "SELECT * FROM \"compliance\" WHERE \"unit\" = $unit AND \"window\" = 'ATTENDANCE'",
            Map.of("unit", UNIT));
    if (rows.isEmpty()) return null;
    Map<String, Object> row = rows.get(rows.size() - 1);
    assertThat(Instant.parse((String) row.get("time"))).isEqualTo(deadline.toInstant());
    return match.test(row) ? row : null;
  }

  static double num(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}

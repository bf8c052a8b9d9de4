package id.pantau.jobs;

import static id.pantau.jobs.LiveStack.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records with impossible times written straight to the input topics (not through ingest, which
 * refuses them) go to the dead-letter topic at the source: the unit's count, its minute points (the
 * watermark) and what the jobs write to InfluxDB stay as without them.
 */
class WrongClockJobIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  static final String UNIT = "bar-w1";
  static final String YEAR_2099 = "2099-12-31T00:00:00Z";
  static final String YEAR_1 = "0001-01-01T00:00:00Z";

  @Test
  void aRecordFromAWrongClockIsADeadLetterAndTheUnitKeepsCounting() throws Exception {
    LiveStack stack = STACK.get();
    Instant base = Instant.now().minusSeconds(120);
    stack.sendUnit(UNIT, "Bar", "bar-region", "Asia/Jakarta", 50, base.minusSeconds(3600));
    JobClient job = stack.startJobs("wrong-clock-it");
    try (LiveStack.TopicReader deadLetters = stack.read(Topics.DEADLETTER)) {
      for (int i = 1; i <= 3; i++) checkIn("n" + i, LiveStack.wib(base.plusSeconds(i)));
      stack.awaitPresent(UNIT, 3);

      checkIn("n-2099", YEAR_2099);
      checkIn("n-0001", YEAR_1);
      stack.send(
          Topics.ATTENDANCE,
          "n-forged",
          LiveStack.attendance("n-forged", UNIT, "CHECK_IN", base.plusSeconds(5))
              .replace(
                  "\"source\":\"KIOSK\"", "\"source\":\"KIOSK\",\"receivedAt\":4102444800000"));
      stack.send(
          Topics.LOCATION,
          "n-2099",
          """
          {"type":"location","eventId":"p-2099","nip":"n-2099","unitId":"%s","time":"%s",
           "location":{"lat":-6.2,"lon":106.6,"accuracyM":15,"mock":false},"deviceId":"d1"}"""
              .formatted(UNIT, YEAR_2099));
      stack.send(
          Topics.ROSTERS,
          "n-2099@9999-12-31",
          """
          {"nip":"n-2099","unitId":"%s","date":"9999-12-31","mode":"WFO"}"""
              .formatted(UNIT));
      stack.send(
          Topics.ZONES,
          "bar-region@far",
          """
          {"region":"bar-region","level":"HIGH","effectiveFrom":"9999-12-31T00:00:00Z"}""");
      checkIn("n4", LiveStack.wib(Instant.now().minusSeconds(30)));

      stack.awaitPresent(UNIT, 4);
      List<JsonNode> refused =
          LiveStack.await(
              "six dead letters from the time guard",
              DEADLINE,
              () -> {
                List<JsonNode> seen =
                    deadLetters.poll().stream()
                        .filter(d -> d.path("stage").asText().equals("time-guard"))
                        .toList();
                return seen.size() >= 6 ? seen : null;
              });
      assertThat(refused)
          .extracting(d -> d.path("reason").asText())
          .contains(
              "time: 2099-12-31T00:00:00Z is 73 years ahead of the job's wall clock; at most 5"
                  + " minutes ahead is accepted: check the device's clock")
          .anySatisfy(r -> assertThat(r).startsWith("time: 0001-01-01T00:00:00Z is 2025 years"))
          .anySatisfy(r -> assertThat(r).startsWith("receivedAt: 4102444800000 is "))
          .anySatisfy(r -> assertThat(r).startsWith("date: 9999-12-31 is more than 366 days"))
          .anySatisfy(r -> assertThat(r).startsWith("effectiveFrom: 9999-12-31T00:00:00Z is "));
      assertThat(refused).allSatisfy(d -> assertThat(d.has("offset")).isTrue());

      // The watermark stayed with the wall clock: minute points keep coming at real times, and
      // nothing was written beyond the present or before the horizon.
      Instant now = Instant.now();
      Map<String, Object> latest =
          LiveStack.await(
              "a minute point after the fourth check-in",
              DEADLINE,
              () -> {
                Map<String, Object> row = stack.latest("occupancy", UNIT);
                return row != null && Instant.parse((String) row.get("time")).isAfter(now)
                    ? row
                    : null;
              });
      assertThat(((Number) latest.get("present")).intValue()).isEqualTo(4);
      assertThat(stack.rows("SELECT * FROM /.*/ WHERE time > now() - 1d", Map.of())).isNotEmpty();
      assertThat(stack.rows("SELECT * FROM /.*/ WHERE time > now() + 1m", Map.of())).isEmpty();
      assertThat(stack.rows("SELECT * FROM /.*/ WHERE time < now() - 1d", Map.of())).isEmpty();
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  private static void checkIn(String nip, String time) {
    STACK
        .get()
        .send(
            Topics.ATTENDANCE,
            nip,
            """
            {"type":"attendance","eventId":"e-%s","nip":"%s","unitId":"%s","action":"CHECK_IN",
             "mode":"WFO","time":"%s","source":"KIOSK"}"""
                .formatted(nip, nip, UNIT, time));
  }
}

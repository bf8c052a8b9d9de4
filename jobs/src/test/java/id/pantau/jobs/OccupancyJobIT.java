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

/** The whole occupancy job on a MiniCluster, between a real Kafka broker and a real influxd. */
class OccupancyJobIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  @Test
  void countsPresentStaffIntoInfluxAndDeadLettersWhatItCannotUse() throws Exception {
    // Event times a few minutes ago, in WIB: the live watermark (wall clock when idle) passes them.
    Instant base = Instant.now().minusSeconds(240);
    String unit =
        """
        {"unitId":"tng-dishub","name":"Dinas Perhubungan","region":"kota-tangerang",
         "timeZone":"Asia/Jakarta","headcount":8,"essential":true,"minPresent":2,
         "effectiveFrom":"%s"}"""
            .formatted(LiveStack.wib(base.minusSeconds(3600)));
    LiveStack stack = STACK.get();
    stack.send(Topics.UNITS, "tng-dishub", unit);
    for (int i = 1; i <= 3; i++)
      stack.send(Topics.ATTENDANCE, "nip" + i, checkIn("nip" + i, base.plusSeconds(i), "CHECK_IN"));
    stack.send(Topics.ATTENDANCE, "nip3", checkIn("nip3", base.plusSeconds(60), "CHECK_OUT"));
    stack.send(
        Topics.ATTENDANCE, "nip1", checkIn("nip1", base.plusSeconds(1), "CHECK_IN")); // a duplicate
    stack.send(Topics.ATTENDANCE, "x", "{\"type\": \"attendance\", broken");
    stack.send(
        Topics.ATTENDANCE,
        "nip9",
        checkIn("nip9", base, "CHECK_IN").replace("tng-dishub", "tng-nowhere"));

    JobClient job = stack.startJobs("occupancy-it", stack.config().withParallelism(2));
    try (LiveStack.TopicReader deadLetters = stack.read(Topics.DEADLETTER)) {
      Map<String, Object> latest = stack.awaitPresent("tng-dishub", 2);
      assertThat(((Number) latest.get("headcount")).intValue()).isEqualTo(8);
      assertThat(((Number) latest.get("share")).doubleValue()).isEqualTo(0.25);
      assertThat(latest.get("region")).isEqualTo("kota-tangerang");
      assertThat(latest.keySet()).doesNotContain("nip", "deviceId", "lat", "lon");

      List<String> reasons =
          LiveStack.await(
              "two dead letters",
              DEADLINE,
              () -> {
                List<String> seen = deadLetters.poll().stream().map(JsonNode::toString).toList();
                boolean both =
                    seen.stream().anyMatch(r -> r.contains("not valid JSON"))
                        && seen.stream().anyMatch(r -> r.contains("unknown unit"));
                return both ? seen : null;
              });
      assertThat(reasons)
          .anySatisfy(r -> assertThat(r).contains("body: not valid JSON").contains("\"offset\""));
      assertThat(reasons)
          .anySatisfy(r -> assertThat(r).contains("unitId: unknown unit 'tng-nowhere'"));
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  static String checkIn(String nip, Instant t, String action) {
    return LiveStack.attendance(nip, "tng-dishub", action, t);
  }
}

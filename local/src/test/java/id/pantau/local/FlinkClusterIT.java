package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.jobs.JobsConfig;
import id.pantau.sim.CityConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs jar (jobs/target/pantau-jobs.jar) on a real Flink cluster: a JobManager and two
 * TaskManagers, each its own JVM from Flink's jars on Maven Central with nothing of Pantau on its
 * class path, the jar uploaded and run through the REST API as on any cluster, the jobs' settings
 * from the processes' environment ({@link ClusterDays}). Two simulated days go through ingest,
 * Kafka, the jobs on the cluster and influxd, each checked against its ground truth as `./pantau
 * verify` checks (every occupancy point and minute, breaches, daily rollups, compliance,
 * follow-ups). In the second day a TaskManager is killed with SIGKILL while the job runs, after a
 * checkpoint; a new TaskManager takes its place, the job restores the checkpoint, and the results
 * still equal the ground truth.
 */
class FlinkClusterIT {
  /** Kept when the test fails: the cluster's logs, each day's Kafka, influxd and differences. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theJobsJarOnAClusterMatchesTheGroundTruthAndRecoversALostTaskManager() throws Exception {
    // One slot each: the job's two parallel pipelines run one on each TaskManager.
    try (ClusterDays days = ClusterDays.start(dir, 2)) {
      LocalDate second = VerifyOptions.defaultDate();
      LocalDate first = second.minusDays(1);
      CityConfig city = CityConfig.defaults().withSize(4, 100);

      Differences day1 = days.check(first, city, "day1", days.toTheEnd());
      Differences day2 =
          days.check(
              second, city, "day2", (job, cfg) -> killATaskManagerInTheMiddle(days, job, cfg));
      ClusterDays.summary("FlinkClusterIT", "day 1 (" + first + ")", day1);
      ClusterDays.summary("FlinkClusterIT", "day 2 (" + second + ", a TaskManager killed)", day2);
      SoftAssertions.assertSoftly(
          soft -> {
            soft.assertThat(day1.total()).as("day 1 differences:%n%s", day1.report()).isZero();
            soft.assertThat(day1.compared()).as("day 1 values compared").isGreaterThan(5_000);
            soft.assertThat(day2.total()).as("day 2 differences:%n%s", day2.report()).isZero();
            soft.assertThat(day2.compared()).as("day 2 values compared").isGreaterThan(5_000);
          });
    }
  }

  /**
   * In the middle of the day's replay, one TaskManager is killed with SIGKILL and a new one
   * started; the job must restore its latest checkpoint and finish. The middle: the first
   * checkpoint is taken while the sources read the day (the reading takes seconds, the rest of the
   * job more), and the job still runs when the TaskManager is killed.
   */
  private static void killATaskManagerInTheMiddle(ClusterDays days, String job, JobsConfig cfg)
      throws Exception {
    FlinkCluster cluster = days.cluster;
    cluster.await(
        job,
        "/jobs/" + job + "/checkpoints",
        ClusterDays.JOB_TIMEOUT,
        c -> c.path("counts").path("completed").asInt() >= 1);
    JsonNode running = cluster.get("/jobs/" + job);
    FlinkCluster.TaskManager victim = cluster.taskManagers().get(0);
    long killed = System.nanoTime();
    victim.kill();
    assertThat(running.path("state").asText())
        .as("the job still ran when its TaskManager was killed (else make the day bigger)")
        .isEqualTo("RUNNING");
    System.err.printf(
        Locale.ROOT,
        "FlinkClusterIT: killed TaskManager %s (pid %d) after checkpoint %s; %d occupancy points"
            + " written%n",
        victim.id(),
        victim.pid(),
        days.checkpoints(job).path("latest").path("completed").path("id"),
        ClusterDays.occupancyPoints(cfg));
    FlinkCluster.TaskManager fresh = cluster.startTaskManager();
    cluster.awaitFinished(job, ClusterDays.JOB_TIMEOUT);
    JsonNode checkpoints = days.checkpoints(job);
    System.err.printf(
        Locale.ROOT,
        "FlinkClusterIT: the job finished %.1f s after the kill, on %s; %d occupancy points;"
            + " checkpoints %s, restored %s%n",
        (System.nanoTime() - killed) / 1e9,
        fresh.id(),
        ClusterDays.occupancyPoints(cfg),
        checkpoints.path("counts"),
        checkpoints.path("latest").path("restored"));
    assertThat(checkpoints.path("counts").path("restored").asInt())
        .as("the job restored a checkpoint after the TaskManager was lost: %s", checkpoints)
        .isGreaterThanOrEqualTo(1);
  }
}

package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.Poll;
import id.pantau.jobs.JobsConfig;
import id.pantau.sim.CityConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs jar on a real Flink cluster ({@link ClusterDays}) replays a simulated day while a
 * TaskManager running its tasks is killed with SIGKILL five times, at moments drawn from a seed
 * (printed; {@code -Dpantau.kills.seed=N} repeats them): up to 1.5 s after the first checkpoint or
 * after the last restore, a TaskManager drawn among those running the job. Each time the job
 * restores from the latest checkpoint (one at least as new as the last completed before the kill)
 * on a spare TaskManager and the survivor, a new spare is started, and in the end InfluxDB, the
 * alerts and the check-ins equal the day's ground truth.
 */
class FiveTaskManagerKillsIT {
  private static final int KILLS = 5;

  /** The longest delay before a kill: a restored job replays its last seconds in about that. */
  private static final int MAX_DELAY_MS = 1_500;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aDayReplayedThroughFiveTaskManagersKilledAtRandomMomentsMatchesItsGroundTruth()
      throws Exception {
    long seed = Long.getLong("pantau.kills.seed", new Random().nextLong());
    System.err.printf(
        "FiveTaskManagerKillsIT: seed %d (-Dpantau.kills.seed=%d repeats it)%n", seed, seed);
    // Two TaskManagers of one slot run the job's two pipelines; two spares, so a restore takes one
    // at once while the TaskManager that replaces the one killed starts.
    try (ClusterDays days = ClusterDays.start(dir, 4)) {
      Kills kills = new Kills(days, new Random(seed));
      Differences d =
          days.check(
              VerifyOptions.defaultDate(),
              CityConfig.defaults().withSize(8, 300),
              "day",
              kills::during);
      ClusterDays.summary("FiveTaskManagerKillsIT", "seed " + seed, d);
      for (Kills.Restore r : kills.restores) System.err.println("FiveTaskManagerKillsIT: " + r);
      SoftAssertions.assertSoftly(
          soft -> {
            soft.assertThat(kills.restores).as("restores").hasSize(KILLS);
            for (Kills.Restore r : kills.restores) {
              soft.assertThat(r.restoredId)
                  .as("kill %d restored the latest checkpoint", r.kill)
                  .isGreaterThanOrEqualTo(r.latestBeforeKill);
            }
            soft.assertThat(d.total()).as("differences:%n%s", d.report()).isZero();
            soft.assertThat(d.compared()).as("values compared").isGreaterThan(10_000);
          });
    }
  }

  /** Kills a busy TaskManager five times while the job runs, then waits for it to finish. */
  private static final class Kills {
    record Restore(
        int kill, String victim, long latestBeforeKill, long restoredId, double restoredAfterS) {
      @Override
      public String toString() {
        return String.format(
            Locale.ROOT,
            "kill %d: TaskManager %s killed after checkpoint %d; checkpoint %d restored and every"
                + " task running again %.1f s later",
            kill,
            victim,
            latestBeforeKill,
            restoredId,
            restoredAfterS);
      }
    }

    private final ClusterDays days;
    private final FlinkCluster cluster;
    private final Random random;
    final List<Restore> restores = new ArrayList<>();

    Kills(ClusterDays days, Random random) {
      this.days = days;
      this.cluster = days.cluster;
      this.random = random;
    }

    void during(String job, JobsConfig cfg) throws Exception {
      List<CompletableFuture<?>> spares = new ArrayList<>();
      cluster.await(
          job,
          "/jobs/" + job + "/checkpoints",
          ClusterDays.JOB_TIMEOUT,
          j -> j.path("counts").path("completed").asInt() >= 1);
      for (int kill = 1; kill <= KILLS; kill++) {
        // The moment: a delay drawn from the seed after the first checkpoint or the last restore
        // (the job running again on every task), through which the job must still run.
        Duration delay = Duration.ofMillis(random.nextInt(MAX_DELAY_MS));
        assertThat(Poll.until(delay, () -> ended(job)))
            .as("the job ended before kill %d (make the day bigger)", kill)
            .isFalse();
        FlinkCluster.TaskManager victim = busy();
        JsonNode c = days.checkpoints(job);
        int restored = c.path("counts").path("restored").asInt();
        long latest = c.path("latest").path("completed").path("id").asLong();
        long killed = System.nanoTime();
        victim.kill();
        spares.add(CompletableFuture.runAsync(this::startSpare));
        JsonNode r =
            cluster.await(
                job,
                "/jobs/" + job + "/checkpoints",
                ClusterDays.JOB_TIMEOUT,
                j -> j.path("counts").path("restored").asInt() > restored);
        cluster.await(job, "/jobs/" + job, ClusterDays.JOB_TIMEOUT, Kills::everyTaskRuns);
        restores.add(
            new Restore(
                kill,
                victim.id(),
                latest,
                r.path("latest").path("restored").path("id").asLong(),
                (System.nanoTime() - killed) / 1e9));
      }
      spares.forEach(CompletableFuture::join);
      cluster.awaitFinished(job, ClusterDays.JOB_TIMEOUT);
    }

    private boolean ended(String job) {
      try {
        return !"RUNNING".equals(cluster.state(job));
      } catch (Exception e) {
        throw new IllegalStateException("the job's state: " + e, e);
      }
    }

    private void startSpare() {
      try {
        cluster.startTaskManager();
      } catch (Exception e) {
        throw new IllegalStateException("a spare TaskManager: " + e, e);
      }
    }

    /** A TaskManager drawn among the live ones whose slot is taken (by the one job there is). */
    private FlinkCluster.TaskManager busy() throws Exception {
      Set<String> running = new HashSet<>();
      for (JsonNode tm : cluster.get("/taskmanagers").path("taskmanagers")) {
        if (tm.path("freeSlots").asInt() == 0) running.add(tm.path("id").asText());
      }
      List<FlinkCluster.TaskManager> busy =
          cluster.taskManagers().stream()
              .filter(t -> t.isAlive() && running.contains(t.id()))
              .toList();
      assertThat(busy).as("TaskManagers running the job's tasks").isNotEmpty();
      return busy.get(random.nextInt(busy.size()));
    }

    /** RUNNING, and every task of it running (or finished: a bounded source that read its end). */
    private static boolean everyTaskRuns(JsonNode job) {
      if (!"RUNNING".equals(job.path("state").asText())) return false;
      for (JsonNode v : job.path("vertices")) {
        for (var it = v.path("tasks").fields(); it.hasNext(); ) {
          var e = it.next();
          String state = e.getKey();
          boolean fine = state.equals("RUNNING") || state.equals("FINISHED");
          if (!fine && e.getValue().asInt() > 0) return false;
        }
      }
      return true;
    }
  }
}

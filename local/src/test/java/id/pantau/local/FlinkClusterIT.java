package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.FreePort;
import id.pantau.jobs.JobsConfig;
import id.pantau.sim.CityConfig;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs jar (jobs/target/pantau-jobs.jar) on a real Flink cluster: a JobManager and two
 * TaskManagers, each its own JVM from Flink's jars on Maven Central with nothing of Pantau on its
 * class path, the jar uploaded and run through the REST API as on any cluster, the jobs' settings
 * from the processes' environment. Two simulated days go through ingest, Kafka, the jobs on the
 * cluster and influxd, each checked against its ground truth as `./pantau verify` checks (every
 * occupancy point and minute, breaches, daily rollups, compliance, follow-ups). In the second day a
 * TaskManager is killed with SIGKILL while the job runs, after a checkpoint; a new TaskManager
 * takes its place, the job restores the checkpoint, and the results still equal the ground truth.
 */
class FlinkClusterIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

  /** Kept when the test fails: the cluster's logs, each day's Kafka, influxd and differences. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theJobsJarOnAClusterMatchesTheGroundTruthAndRecoversALostTaskManager() throws Exception {
    Path jar = Path.of(System.getProperty("pantau.jobs.jar", "../jobs/target/pantau-jobs.jar"));
    Path classpath =
        Path.of(
            System.getProperty("pantau.flink.classpath", "../flink-cluster/target/classpath.txt"));
    assertThat(jar).as("the jobs jar: `mvn package -pl jobs` builds it").isRegularFile();
    assertThat(classpath).as("the cluster's class path: `mvn package` writes it").isRegularFile();

    // The cluster's processes read the jobs' settings from their environment, fixed at start:
    // both days' stacks take the same Kafka and influxd ports.
    int kafkaPort = FreePort.find();
    int influxPort = FreePort.find();
    IntUnaryOperator ports = p -> p == 9092 ? kafkaPort : p == 8086 ? influxPort : FreePort.find();
    Map<String, String> env =
        Map.of(
            "PANTAU_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort,
            "PANTAU_INFLUX_URL", "http://127.0.0.1:" + influxPort,
            "PANTAU_START_FROM", "earliest",
            "PANTAU_BOUNDED", "true",
            "PANTAU_PARALLELISM", "2",
            // Checkpoints twice a second, so one completes early in a short replay.
            "PANTAU_CHECKPOINT_INTERVAL_MS", "500",
            "PANTAU_CHECKPOINT_DIR", dir.resolve("checkpoints").toUri().toString());
    JobsConfig onCluster = JobsConfig.fromEnv(env);

    // One slot each: the job's two parallel pipelines run one on each TaskManager.
    try (FlinkCluster cluster =
        FlinkCluster.start(
            dir.resolve("flink"), Files.readString(classpath).strip(), jvmFlags(), env, 2, 1)) {
      String jarId = cluster.uploadJar(jar);

      LocalDate second = VerifyOptions.defaultDate();
      LocalDate first = second.minusDays(1);
      CityConfig city = CityConfig.defaults().withSize(4, 100);

      Differences day1 =
          check(
              first,
              city,
              "day1",
              ports,
              new ClusterJobs(
                  cluster,
                  jarId,
                  onCluster,
                  (job, cfg) -> cluster.awaitFinished(job, JOB_TIMEOUT)));

      Differences day2 =
          check(
              second,
              city,
              "day2",
              ports,
              new ClusterJobs(
                  cluster,
                  jarId,
                  onCluster,
                  (job, cfg) -> killATaskManagerInTheMiddle(cluster, job, cfg)));
      summary("day 1 (" + first + ")", day1);
      summary("day 2 (" + second + ", a TaskManager killed)", day2);
      SoftAssertions.assertSoftly(
          soft -> {
            soft.assertThat(day1.total()).as("day 1 differences:%n%s", day1.report()).isZero();
            soft.assertThat(day1.compared()).as("day 1 values compared").isGreaterThan(5_000);
            soft.assertThat(day2.total()).as("day 2 differences:%n%s", day2.report()).isZero();
            soft.assertThat(day2.compared()).as("day 2 values compared").isGreaterThan(5_000);
          });
    }
  }

  private static void summary(String day, Differences d) {
    System.err.printf(
        Locale.ROOT,
        "FlinkClusterIT: %s: %,d values compared, %d difference(s) from the ground truth%n",
        day,
        d.compared(),
        d.total());
  }

  private Differences check(
      LocalDate date, CityConfig city, String name, IntUnaryOperator ports, Verify.Jobs jobs)
      throws Exception {
    VerifyOptions options =
        new VerifyOptions(
            city, date, dir.resolve(name).resolve("out"), 20, 2, dir.resolve(name).resolve("data"));
    return new Verify(options, System.err, Clock.systemUTC(), ports, jobs).run();
  }

  /**
   * In the middle of the day's replay, one TaskManager is killed with SIGKILL and a new one
   * started; the job must restore its latest checkpoint and finish. The middle: the first
   * checkpoint is taken while the sources read the day (the reading takes seconds, the rest of the
   * job more), and the job still runs when the TaskManager is killed.
   */
  private static void killATaskManagerInTheMiddle(FlinkCluster cluster, String job, JobsConfig cfg)
      throws Exception {
    cluster.await(
        job,
        "/jobs/" + job + "/checkpoints",
        JOB_TIMEOUT,
        c -> c.path("counts").path("completed").asInt() >= 1);
    JsonNode running = cluster.get("/jobs/" + job);
    FlinkCluster.TaskManager victim = cluster.taskManagers().get(0);
    long killed = System.nanoTime();
    victim.kill();
    assertThat(running.path("state").asText())
        .as("the job still ran when its TaskManager was killed (else make the day bigger)")
        .isEqualTo("RUNNING");
    HttpClient http = HttpClient.newHttpClient();
    String count =
        cfg.influxUrl()
            + "/query?db="
            + cfg.influxDb()
            + "&q="
            + Verify.enc("SELECT count(present) FROM occupancy");
    System.err.printf(
        Locale.ROOT,
        "FlinkClusterIT: killed TaskManager %s (pid %d) after checkpoint %s; %d occupancy points"
            + " written%n",
        victim.id(),
        victim.pid(),
        cluster.get("/jobs/" + job + "/checkpoints").path("latest").path("completed").path("id"),
        points(http, count));
    FlinkCluster.TaskManager fresh = cluster.startTaskManager();
    cluster.awaitFinished(job, JOB_TIMEOUT);
    JsonNode checkpoints = cluster.get("/jobs/" + job + "/checkpoints");
    System.err.printf(
        Locale.ROOT,
        "FlinkClusterIT: the job finished %.1f s after the kill, on %s; %d occupancy points;"
            + " checkpoints %s, restored %s%n",
        (System.nanoTime() - killed) / 1e9,
        fresh.id(),
        points(http, count),
        checkpoints.path("counts"),
        checkpoints.path("latest").path("restored"));
    assertThat(checkpoints.path("counts").path("restored").asInt())
        .as("the job restored a checkpoint after the TaskManager was lost: %s", checkpoints)
        .isGreaterThanOrEqualTo(1);
  }

  /** The number of occupancy points in InfluxDB (0 before the first). */
  private static long points(HttpClient http, String url) {
    try {
      JsonNode values =
          Verify.getJson(http, url, null).path("results").path(0).path("series").path(0);
      return values.path("values").path(0).path(1).asLong(0);
    } catch (Exception e) {
      return 0;
    }
  }

  /** What the test does while a job it started runs on the cluster. */
  private interface WhileRunning {
    void accept(String job, JobsConfig cfg) throws Exception;
  }

  /** The jobs jar run on the cluster through the REST API, as verify runs its MiniCluster. */
  private record ClusterJobs(
      FlinkCluster cluster, String jarId, JobsConfig onCluster, WhileRunning whileRunning)
      implements Verify.Jobs {

    @Override
    public String where() {
      return "pantau-jobs.jar on a Flink cluster at " + cluster.restUrl();
    }

    @Override
    public void replay(JobsConfig cfg) throws Exception {
      // What verify would run must be what the cluster's environment gives the jar's main.
      assertThat(
              List.of(
                  onCluster.kafkaBootstrap(),
                  onCluster.influxUrl(),
                  onCluster.startFrom(),
                  onCluster.bounded(),
                  onCluster.parallelism()))
          .isEqualTo(
              List.of(
                  cfg.kafkaBootstrap(),
                  cfg.influxUrl(),
                  cfg.startFrom(),
                  cfg.bounded(),
                  cfg.parallelism()));
      String job = cluster.run(jarId);
      whileRunning.accept(job, cfg);
    }
  }

  /** The flags Surefire and Failsafe give this JVM (Flink on Java 17), for the cluster's JVMs. */
  private static List<String> jvmFlags() {
    String flags = System.getProperty("pantau.jvm.flags");
    if (flags != null && !flags.isBlank()) return Arrays.asList(flags.trim().split("\\s+"));
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .toList();
  }
}

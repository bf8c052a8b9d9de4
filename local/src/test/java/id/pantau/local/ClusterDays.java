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

/**
 * What the tests on a real Flink cluster share: the jobs jar (jobs/target/pantau-jobs.jar) uploaded
 * to a {@link FlinkCluster} of TaskManagers of one slot each, each its own JVM from Flink's jars on
 * Maven Central with nothing of Pantau on its class path, the jobs' settings in the processes'
 * environment; and simulated days sent through ingest, replayed by the jar on the cluster and
 * checked against their ground truth as `./pantau verify` checks (every occupancy point and minute,
 * breaches, daily rollups, compliance, follow-ups).
 */
final class ClusterDays implements AutoCloseable {
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

  final FlinkCluster cluster;
  private final String jarId;
  private final JobsConfig onCluster;
  private final IntUnaryOperator ports;
  private final Path dir;

  /** What a test does while a job it started runs on the cluster; returns once it ended. */
  interface WhileRunning {
    void accept(String job, JobsConfig cfg) throws Exception;
  }

  private ClusterDays(
      FlinkCluster cluster, String jarId, JobsConfig onCluster, IntUnaryOperator ports, Path dir) {
    this.cluster = cluster;
    this.jarId = jarId;
    this.onCluster = onCluster;
    this.ports = ports;
    this.dir = dir;
  }

  /** A cluster of {@code taskManagers} TaskManagers in {@code dir}, the jobs jar uploaded. */
  static ClusterDays start(Path dir, int taskManagers) throws Exception {
    Path jar = Path.of(System.getProperty("pantau.jobs.jar", "../jobs/target/pantau-jobs.jar"));
    Path classpath =
        Path.of(
            System.getProperty("pantau.flink.classpath", "../flink-cluster/target/classpath.txt"));
    assertThat(jar).as("the jobs jar: `mvn package -pl jobs` builds it").isRegularFile();
    assertThat(classpath).as("the cluster's class path: `mvn package` writes it").isRegularFile();

    // The cluster's processes read the jobs' settings from their environment, fixed at start:
    // every day's stack takes the same Kafka and influxd ports.
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
            // Checkpoints twice a second, so one completes early in a short replay and a restore
            // reads little again.
            "PANTAU_CHECKPOINT_INTERVAL_MS", "500",
            "PANTAU_CHECKPOINT_DIR", dir.resolve("checkpoints").toUri().toString());
    FlinkCluster cluster =
        FlinkCluster.start(
            dir.resolve("flink"),
            Files.readString(classpath).strip(),
            jvmFlags(),
            env,
            taskManagers,
            1);
    try {
      return new ClusterDays(cluster, cluster.uploadJar(jar), JobsConfig.fromEnv(env), ports, dir);
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** A simulated day through ingest and the jar on the cluster, against its ground truth. */
  Differences check(LocalDate date, CityConfig city, String name, WhileRunning whileRunning)
      throws Exception {
    VerifyOptions options =
        new VerifyOptions(
            city, date, dir.resolve(name).resolve("out"), 20, 2, dir.resolve(name).resolve("data"));
    return new Verify(
            options,
            System.err,
            Clock.systemUTC(),
            ports,
            new ClusterJobs(cluster, jarId, onCluster, whileRunning))
        .run();
  }

  /** Waits until the job finished. */
  WhileRunning toTheEnd() {
    return (job, cfg) -> cluster.awaitFinished(job, JOB_TIMEOUT);
  }

  /** The job's checkpoints as the REST API shows them. */
  JsonNode checkpoints(String job) throws Exception {
    return cluster.get("/jobs/" + job + "/checkpoints");
  }

  static void summary(String test, String day, Differences d) {
    System.err.printf(
        Locale.ROOT,
        "%s: %s: %,d values compared, %d difference(s) from the ground truth%n",
        test,
        day,
        d.compared(),
        d.total());
  }

  /** The number of occupancy points in InfluxDB (0 before the first). */
  static long occupancyPoints(JobsConfig cfg) {
    String url =
        cfg.influxUrl()
            + "/query?db="
            + cfg.influxDb()
            + "&q="
            + Verify.enc("SELECT count(present) FROM occupancy");
    try {
      JsonNode values =
          Verify.getJson(HttpClient.newHttpClient(), url, null)
              .path("results")
              .path(0)
              .path("series")
              .path(0);
      return values.path("values").path(0).path(1).asLong(0);
    } catch (Exception e) {
      return 0;
    }
  }

  @Override
  public void close() {
    cluster.close();
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

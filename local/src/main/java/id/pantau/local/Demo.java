package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import id.pantau.sim.CatchUpClock;
import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.LiveSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * `./pantau demo`: a real Kafka broker and influxd as child processes, the jobs on a local Flink
 * MiniCluster, ingest, dashboard-api and (unless --no-sim) a simulated city on the wall clock.
 * Ctrl-C or SIGTERM stops all of it.
 */
public final class Demo implements AutoCloseable {
  private final DemoOptions options;
  private LocalStack stack;
  String kafkaBootstrap;
  String influxUrl;
  String ingestUrl;
  String apiUrl;
  String flinkUrl;
  DemoTokens tokens;

  Demo(DemoOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    DemoOptions options = CommandLine.optionsOrExit(args, DemoOptions::parse);
    Demo demo = new Demo(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("\npantau: stopping …");
                  demo.close();
                  stopped.countDown();
                }));
    try {
      demo.start();
    } catch (Exception e) {
      System.err.println("pantau: could not start: " + e.getMessage());
      System.exit(1);
    }
    demo.printWelcome();
    stopped.await();
  }

  void start() throws Exception {
    Path data = options.dataDir();
    // A savepoint that is not there fails now, before anything starts, not after Kafka and influxd.
    String savepoint =
        options.fromSavepoint() == null ? null : SavepointPath.check(options.fromSavepoint());
    step("data directory " + data);
    stack = new LocalStack(data, options::port);
    stack.startKafka();
    kafkaBootstrap = stack.kafkaBootstrap;
    stack.startInflux();
    influxUrl = stack.influxUrl;
    stack.tokens("tng-disdukcapil");
    tokens = stack.tokens;

    step("starting the Flink jobs on a local MiniCluster");
    Configuration flinkConf = new Configuration();
    int flinkPort = options.port(8082);
    flinkConf.set(RestOptions.PORT, flinkPort);
    flinkConf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    if (savepoint != null) {
      step("the jobs start from savepoint " + savepoint);
      flinkConf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment flink =
        StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConf);
    JobsConfig jobs =
        JobsConfig.fromEnv()
            .withKafka(kafkaBootstrap)
            .withInflux(influxUrl)
            .withCheckpointDir(data.resolve("checkpoints").toUri().toString());
    if (System.getenv("PANTAU_PARALLELISM") == null) {
      // One machine shared with Kafka, influxd and the services: one task per operator starts
      // fastest and is plenty for a city.
      jobs = jobs.withParallelism(1);
    }
    JobClient job;
    try {
      job = PantauJobs.start(flink, jobs);
    } catch (Exception e) {
      // A savepoint that does not fit is refused as the job is submitted.
      if (savepoint == null) throw e;
      throw SavepointPath.restoreFailed(options.fromSavepoint(), e, null);
    }
    stack.onClose(() -> job.cancel().get());
    flinkUrl = "http://127.0.0.1:" + flinkPort;
    // `./pantau savepoint` finds the jobs here, whichever port was free.
    Files.writeString(data.resolve(FLINK_URL_FILE), flinkUrl + "\n");
    try {
      awaitTasksRunning(flinkUrl, job.getJobID().toString());
    } catch (IllegalStateException e) {
      if (savepoint == null) throw e;
      throw SavepointPath.restoreFailed(options.fromSavepoint(), e, failure(job));
    }

    step("starting ingest");
    // The simulated city's catch-up on today sets ingest's receipt clock minute by minute, so only
    // the offline phones' uploads come late (LATE_UPLOAD), not the whole backfilled day.
    CatchUpClock receipts = options.simulate() ? new CatchUpClock(Clock.systemUTC()) : null;
    stack.startIngest(receipts != null ? receipts : Clock.systemUTC());
    ingestUrl = stack.ingestUrl;

    step("starting dashboard-api");
    stack.startDashboard();
    apiUrl = stack.apiUrl;

    if (options.simulate()) {
      step("starting the simulated city");
      // Weekends too: a demo shown on a Saturday should move as well.
      City city = City.of(CityConfig.defaults().withWorkWeekends(true));
      String deviceToken = tokens.simulator();
      LiveSimulator sim =
          new LiveSimulator(city, URI.create(ingestUrl), deviceToken, Clock.systemUTC())
              .stampReceipts(receipts);
      sim.start();
      stack.onClose(sim);
      System.err.printf(
          "sim: %d units, %d staff in %d regions%n",
          city.units().size(), city.staffCount(), city.regions().size());
      // Progress on the console: rosters, events, offline phones' late uploads.
      Thread progress =
          new Thread(
              () -> {
                try {
                  while (!sim.awaitBackfill(Duration.ofMinutes(1))) {
                    System.err.println(sim.stats().line());
                  }
                  while (true) {
                    System.err.println(sim.stats().line());
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                  }
                } catch (InterruptedException e) {
                  // stopping
                }
              },
              "pantau-sim-progress");
      progress.setDaemon(true);
      progress.start();
      stack.onClose(progress::interrupt);
    }
  }

  /** Why the job failed, as Flink says it (the whole cause chain), or null. */
  private static Throwable failure(JobClient job) {
    try {
      job.getJobExecutionResult().get(30, java.util.concurrent.TimeUnit.SECONDS);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  /** The file in the data directory that names the demo's Flink REST API. */
  static final String FLINK_URL_FILE = "flink-url";

  /** The REST API of the demo running on {@code dataDir}: as it wrote it, else the default. */
  static String flinkUrlOf(Path dataDir) throws java.io.IOException {
    Path file = dataDir.resolve(FLINK_URL_FILE);
    return Files.isRegularFile(file) ? Files.readString(file).strip() : "http://127.0.0.1:8082";
  }

  void printWelcome() {
    StringBuilder sb = new StringBuilder();
    sb.append("\n=== Pantau is running ===\n");
    sb.append("  live board / API   ")
        .append(apiUrl)
        .append("/            (")
        .append(apiUrl)
        .append("/api/v1/occupancy)\n");
    sb.append("  ingest             ").append(ingestUrl).append("/v1/events\n");
    sb.append("  Flink UI           ").append(flinkUrl).append('\n');
    sb.append("  Kafka              ").append(kafkaBootstrap).append('\n');
    sb.append("  InfluxDB           ").append(influxUrl).append("  (database pantau)\n");
    sb.append("  data               ").append(options.dataDir()).append('\n');
    if (tokens.usersFile != null) {
      sb.append("  tokens             yours (PANTAU_TOKENS_FILE ")
          .append(tokens.usersFile)
          .append("), and the simulator's ")
          .append(DemoTokens.SIMULATOR)
          .append(" beside them in ")
          .append(tokens.file)
          .append('\n');
    } else {
      sb.append("  tokens (fresh each start; ")
          .append(tokens.file)
          .append(" holds their SHA-256):\n");
      tokens.tokenByName.forEach(
          (name, token) -> sb.append(String.format("    %-11s %s%n", name, token)));
      // A fragment never reaches a server or its logs: the console reads it, signs in with
      // POST /api/v1/session and drops it from the address bar.
      sb.append("  console, signed in as each role:\n");
      tokens.tokenByName.forEach(
          (name, token) -> {
            if (!name.equals("device")) {
              sb.append(String.format("    %-11s %s%n", name, consoleLink(name)));
            }
          });
      sb.append("\n  try:  curl -H 'Authorization: Bearer ")
          .append(tokens.token("bkd-admin"))
          .append("' ")
          .append(apiUrl)
          .append("/api/v1/occupancy\n");
    }
    sb.append(
        "  WARNING: ingest accepts events without a device token (local demo on loopback only).\n");
    sb.append("Press Ctrl-C to stop everything.\n");
    System.out.print(sb);
    System.out.flush();
  }

  /** The console's link signed in as the token {@code name}: {@code <dashboard url>/#token=…}. */
  String consoleLink(String name) {
    return apiUrl + "/#token=" + tokens.token(name);
  }

  private static void step(String what) {
    System.err.println("pantau: " + what + " …");
  }

  /** Stops what was started, newest first. */
  @Override
  public synchronized void close() {
    if (stack != null) stack.close();
  }

  /**
   * Waits until every task of the job runs, so the printed URLs are live: on a loaded 2-core
   * machine deploying the tasks takes tens of seconds.
   */
  static void awaitTasksRunning(String flinkUrl, String jobId) {
    long start = System.nanoTime();
    FlinkRestClient rest =
        new FlinkRestClient(flinkUrl, () -> "\nSee " + flinkUrl + " and the log above.");
    JsonNode job =
        rest.await(
            jobId,
            "/jobs/" + jobId,
            Duration.ofMinutes(3),
            j -> {
              boolean all = j.path("vertices").size() > 0;
              for (JsonNode v : j.path("vertices")) {
                all &= "RUNNING".equals(v.path("status").asText());
              }
              return all;
            });
    System.err.printf(
        "pantau: all %d operators running after %.1f s%n",
        job.path("vertices").size(), (System.nanoTime() - start) / 1e9);
  }
}

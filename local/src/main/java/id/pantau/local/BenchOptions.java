package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobsConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What `./pantau bench` measures, from its command line, and the jobs' configuration for it. */
record BenchOptions(
    int events,
    int staff,
    int units,
    int parallelism,
    int freshRate,
    int freshSeconds,
    boolean ingest,
    int apiClients,
    int apiSeconds,
    boolean apiOnly,
    boolean freshOnly,
    String stateBackend,
    boolean variants,
    Path out) {

  static final String USAGE =
      "usage: ./pantau bench [--events N (10,000,000)] [--staff N (events/10)] [--units N"
          + " (500)] [--parallelism N (cores)] [--fresh-rate EV/S (20,000)] [--fresh-seconds S"
          + " (45)] [--no-ingest] [--api-clients N (200)] [--api-seconds S (10; 0 skips the API)]"
          + " [--api-only] [--fresh-only] [--state-backend heap|rocksdb (heap)] [--no-variants] [--out DIR"
          + " (target/bench)]";

  /** The options of {@code args}; an unknown or malformed one throws. */
  static BenchOptions parse(String[] args) {
    int events = 10_000_000;
    int staff = -1;
    int units = 500;
    int parallelism = Runtime.getRuntime().availableProcessors();
    int freshRate = 20_000;
    int freshSeconds = 45;
    boolean ingest = true;
    int apiClients = 200;
    int apiSeconds = 10;
    boolean apiOnly = false;
    boolean freshOnly = false;
    String stateBackend = JobsConfig.HEAP;
    boolean variants = true;
    Path out = Path.of("target", "bench");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[++i].replace("_", ""));
        case "--staff" -> staff = Integer.parseInt(args[++i].replace("_", ""));
        case "--units" -> units = Integer.parseInt(args[++i]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--fresh-rate" -> freshRate = Integer.parseInt(args[++i].replace("_", ""));
        case "--fresh-seconds" -> freshSeconds = Integer.parseInt(args[++i]);
        case "--no-ingest" -> ingest = false;
        case "--api-clients" -> apiClients = Integer.parseInt(args[++i]);
        case "--api-seconds" -> apiSeconds = Integer.parseInt(args[++i]);
        case "--api-only" -> apiOnly = true;
        case "--fresh-only" -> freshOnly = true;
        case "--state-backend" -> stateBackend = args[++i];
        case "--no-variants" -> variants = false;
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    if (staff < 0) staff = Math.max(1_000, events / 10);
    if (!stateBackend.equals(JobsConfig.HEAP) && !stateBackend.equals(JobsConfig.ROCKSDB))
      throw new IllegalArgumentException("--state-backend: heap or rocksdb");
    if (apiOnly && apiSeconds <= 0)
      throw new IllegalArgumentException("--api-only needs --api-seconds > 0");
    if (freshOnly && (apiOnly || freshSeconds <= 0))
      throw new IllegalArgumentException(
          "--fresh-only: not with --api-only, needs --fresh-seconds > 0");
    return new BenchOptions(
        events,
        staff,
        units,
        parallelism,
        freshRate,
        freshSeconds,
        ingest,
        apiClients,
        apiSeconds,
        apiOnly,
        freshOnly,
        stateBackend,
        variants,
        out);
  }

  /** The settings line printed first and written beside the results. */
  String settings() {
    String api =
        String.format(Locale.ROOT, "dashboard-api: %d clients for %d s", apiClients, apiSeconds);
    if (apiOnly) return String.format(Locale.ROOT, "%,d units, %s only", units, api);
    if (freshOnly) {
      return String.format(
          Locale.ROOT,
          "freshness only: %,d staff, %,d units, at %,d ev/s for %d s, parallelism %d, %s state"
              + " backend",
          staff,
          units,
          freshRate,
          freshSeconds,
          parallelism,
          stateBackend);
    }
    return api
        + ", "
        + String.format(
            Locale.ROOT,
            "%,d events (%,d staff, %,d units, one day), parallelism %d, %s state backend,"
                + " freshness at %,d ev/s for %d s",
            events,
            staff,
            units,
            parallelism,
            stateBackend,
            freshRate,
            freshSeconds);
  }

  /**
   * The jobs' configuration on the bench's Kafka and influxd, in database {@code db}, with {@code
   * settings} (the jobs' environment variables) set too.
   */
  JobsConfig jobsConfig(
      KafkaBroker kafka,
      InfluxServer influx,
      String db,
      String group,
      String startFrom,
      Path dir,
      boolean bounded,
      Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("PANTAU_INFLUX_DB", db);
    env.put("PANTAU_JOBS_GROUP", group);
    env.put("PANTAU_CHECKPOINT_DIR", dir.resolve("checkpoints-" + group).toUri().toString());
    JobsConfig cfg =
        JobsConfig.fromEnv(env)
            .withKafka(kafka.bootstrapServers())
            .withInflux(influx.url())
            .withStartFrom(startFrom)
            .withParallelism(parallelism)
            .withStateBackend(stateBackend);
    return bounded ? cfg.asBounded() : cfg;
  }
}

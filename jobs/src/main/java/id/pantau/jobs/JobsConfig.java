package id.pantau.jobs;

import id.pantau.events.Env;
import id.pantau.events.Redacted;
import id.pantau.events.TimeBounds;
import java.io.Serializable;
import java.util.Map;

/**
 * Every setting of the jobs, each from the environment with a default, so a deployment changes them
 * without a rebuild. A variable set but blank takes its default too (compose passes unset settings
 * as empty).
 *
 * @param influxUser the InfluxDB user the sink writes as (PANTAU_INFLUX_USER); null: no auth
 * @param influxPassword its password (PANTAU_INFLUX_PASSWORD); never printed by {@link #toString()}
 */
public record JobsConfig(
    String kafkaBootstrap,
    String influxUrl,
    String influxDb,
    String influxUser,
    String influxPassword,
    String groupId,
    String startFrom,
    long checkpointIntervalMs,
    long checkpointMinPauseMs,
    long maxOutOfOrderMs,
    long idleAdvanceMs,
    long unitGraceMs,
    long sinkFlushMs,
    int sinkBatchSize,
    int influxMaxPointsPerS,
    long bufferTimeoutMs,
    long thinPointsAfterMs,
    int parallelism,
    boolean bounded,
    String checkpointDir,
    String stateBackend,
    TimeBounds timeBounds)
    implements Serializable {

  /** The state backends the jobs run on: Flink's heap backend, or RocksDB, incremental. */
  public static final String HEAP = "heap", ROCKSDB = "rocksdb";

  public JobsConfig {
    if (!HEAP.equals(stateBackend) && !ROCKSDB.equals(stateBackend)) {
      throw new IllegalArgumentException(
          "PANTAU_STATE_BACKEND: must be heap or rocksdb (got '" + stateBackend + "')");
    }
    Env.bothOrNeither(
        "PANTAU_INFLUX_USER",
        influxUser,
        "PANTAU_INFLUX_PASSWORD",
        influxPassword,
        "InfluxDB with auth");
  }

  /**
   * How long a fact waits for its unit: live, the grace in processing time; in a bounded replay,
   * until the input ends ({@link UnitWait#UNTIL_INPUT_ENDS}), since a replay (or its restore after
   * a crash) reads the unit topic beside the others at whatever speed the machine allows.
   */
  public long unitWaitMs() {
    return bounded ? UnitWait.UNTIL_INPUT_ENDS : unitGraceMs;
  }

  public static JobsConfig defaults() {
    return fromEnv(Map.of());
  }

  public static JobsConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  public static JobsConfig fromEnv(Map<String, String> env) {
    long checkpointInterval = Env.number(env, "PANTAU_CHECKPOINT_INTERVAL_MS", 10_000);
    return new JobsConfig(
        Env.text(env, "PANTAU_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        Env.text(env, "PANTAU_INFLUX_URL", "http://127.0.0.1:8086"),
        Env.text(env, "PANTAU_INFLUX_DB", "pantau"),
        Env.text(env, "PANTAU_INFLUX_USER", null),
        Env.text(env, "PANTAU_INFLUX_PASSWORD", null),
        Env.text(env, "PANTAU_JOBS_GROUP", "pantau-jobs"),
        Env.text(env, "PANTAU_START_FROM", "hours:36"),
        checkpointInterval,
        // A checkpoint slower than the interval would otherwise start the next one at once.
        Env.number(env, "PANTAU_CHECKPOINT_MIN_PAUSE_MS", checkpointInterval),
        Env.number(env, "PANTAU_MAX_OUT_OF_ORDER_MS", 5_000),
        Env.number(env, "PANTAU_IDLE_ADVANCE_MS", 1_000),
        Env.number(env, "PANTAU_UNIT_GRACE_MS", 5_000),
        Env.number(env, "PANTAU_SINK_FLUSH_MS", 200),
        (int) Env.number(env, "PANTAU_SINK_BATCH_SIZE", 5_000),
        Env.number(
            env,
            "PANTAU_INFLUX_MAX_POINTS_PER_S",
            5_000,
            0,
            Integer.MAX_VALUE,
            "points per second (0: no limit),"),
        Env.number(env, "PANTAU_BUFFER_TIMEOUT_MS", 20),
        Env.number(env, "PANTAU_THIN_POINTS_AFTER_MS", 120_000),
        (int) Env.number(env, "PANTAU_PARALLELISM", 2),
        Env.flag(env, "PANTAU_BOUNDED", false),
        Env.text(
            env,
            "PANTAU_CHECKPOINT_DIR",
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pantau-checkpoints")
                .toUri()
                .toString()),
        Env.text(env, "PANTAU_STATE_BACKEND", HEAP),
        TimeBounds.fromEnv(env));
  }

  public JobsConfig withKafka(String bootstrap) {
    return copy(bootstrap, influxUrl, startFrom, parallelism, bounded, checkpointDir);
  }

  public JobsConfig withInflux(String url) {
    return copy(kafkaBootstrap, url, startFrom, parallelism, bounded, checkpointDir);
  }

  public JobsConfig withStartFrom(String start) {
    return copy(kafkaBootstrap, influxUrl, start, parallelism, bounded, checkpointDir);
  }

  public JobsConfig withParallelism(int p) {
    return copy(kafkaBootstrap, influxUrl, startFrom, p, bounded, checkpointDir);
  }

  /** Reads the topics up to their end offsets at start and then finishes (replays, benchmarks). */
  public JobsConfig asBounded() {
    return copy(kafkaBootstrap, influxUrl, startFrom, parallelism, true, checkpointDir);
  }

  /** Checkpoints under the directory (a file: or s3: URI), e.g. the demo's data directory. */
  public JobsConfig withCheckpointDir(String dir) {
    return copy(kafkaBootstrap, influxUrl, startFrom, parallelism, bounded, dir);
  }

  /** The same jobs on the state backend {@link #HEAP} or {@link #ROCKSDB} (the benchmark's). */
  public JobsConfig withStateBackend(String backend) {
    return copy(kafkaBootstrap, influxUrl, startFrom, parallelism, bounded, checkpointDir, backend);
  }

  /** As a record prints itself, with the InfluxDB password left out. */
  @Override
  public String toString() {
    return Redacted.toString(this, "influxPassword");
  }

  /** This configuration with the settings that tests, the demo and the benchmark change. */
  private JobsConfig copy(
      String kafka, String influx, String start, int p, boolean isBounded, String dir) {
    return copy(kafka, influx, start, p, isBounded, dir, stateBackend);
  }

  private JobsConfig copy(
      String kafka,
      String influx,
      String start,
      int p,
      boolean isBounded,
      String dir,
      String backend) {
    return new JobsConfig(
        kafka,
        influx,
        influxDb,
        influxUser,
        influxPassword,
        groupId,
        start,
        checkpointIntervalMs,
        checkpointMinPauseMs,
        maxOutOfOrderMs,
        idleAdvanceMs,
        unitGraceMs,
        sinkFlushMs,
        sinkBatchSize,
        influxMaxPointsPerS,
        bufferTimeoutMs,
        thinPointsAfterMs,
        p,
        isBounded,
        dir,
        backend,
        timeBounds);
  }
}

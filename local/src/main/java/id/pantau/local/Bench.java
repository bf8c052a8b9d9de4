package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * `./pantau bench`: figures beside their baselines measured in the same run, on real Kafka, influxd
 * and a Flink MiniCluster in this JVM, printed as a table and written to target/bench/results.md
 * and results.json. Sections: replay of a pre-loaded day (all jobs beside the bare baseline), state
 * and heap, InfluxDB points and series, freshness at a steady rate, ingest over HTTP.
 */
public final class Bench {
  private final BenchReport report = new BenchReport();

  record Options(
      int events,
      int staff,
      int units,
      int parallelism,
      int freshRate,
      int freshSeconds,
      boolean ingest,
      Path out) {}

  public static void main(String[] args) throws Exception {
    int events = 10_000_000;
    int staff = -1;
    int units = 500;
    int parallelism = Runtime.getRuntime().availableProcessors();
    int freshRate = 20_000;
    int freshSeconds = 45;
    boolean ingest = true;
    Path out = Path.of("target", "bench");
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--events" -> events = Integer.parseInt(args[++i].replace("_", ""));
          case "--staff" -> staff = Integer.parseInt(args[++i].replace("_", ""));
          case "--units" -> units = Integer.parseInt(args[++i]);
          case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
          case "--fresh-rate" -> freshRate = Integer.parseInt(args[++i].replace("_", ""));
          case "--fresh-seconds" -> freshSeconds = Integer.parseInt(args[++i]);
          case "--no-ingest" -> ingest = false;
          case "--out" -> out = Path.of(args[++i]);
          default -> throw new IllegalArgumentException(args[i]);
        }
      }
    } catch (RuntimeException e) {
      System.err.println(
          "usage: ./pantau bench [--events N (10,000,000)] [--staff N (events/10)] [--units N"
              + " (500)] [--parallelism N (cores)] [--fresh-rate EV/S (20,000)] [--fresh-seconds S"
              + " (45)] [--no-ingest] [--out DIR (target/bench)]");
      System.exit(2);
    }
    if (staff < 0) staff = Math.max(1_000, events / 10);
    new Bench()
        .run(new Options(events, staff, units, parallelism, freshRate, freshSeconds, ingest, out));
    System.exit(0);
  }

  void run(Options o) throws Exception {
    Path dir = Files.createTempDirectory("pantau-bench");
    String settings =
        String.format(
            Locale.ROOT,
            "%,d events (%,d staff, %,d units, one day), parallelism %d, freshness at %,d ev/s"
                + " for %d s",
            o.events,
            o.staff,
            o.units,
            o.parallelism,
            o.freshRate,
            o.freshSeconds);
    System.err.println("bench: " + settings);
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
        InfluxServer influx = InfluxServer.start(dir.resolve("influx"));
        InfluxDB client = InfluxDBFactory.connect(influx.url())) {
      kafka.createPantauTopics(o.parallelism);
      influx.createDatabase("pantau");
      BenchData data = new BenchData(o.staff, o.units);
      System.err.printf(
          "bench: loading %,d roster rows and %,d events into Kafka …%n", o.staff, o.events);
      double load = data.load(kafka.bootstrapServers(), o.events);
      report.row(
          "Kafka producer, acks=1 (pre-loading the day)",
          (o.events + o.staff) / load,
          "records/s",
          "243k–493k measured alone on this machine");

      JobsConfig cfg = config(kafka, influx, "pantau", "pantau-bench", "earliest", o, dir, true);
      System.err.println("bench: replay through the bare baseline (parse → keyBy unit → count) …");
      double baseline = replay("baseline", o, env -> BaselineJob.build(env, cfg), null);
      long pointsBefore = pointsWritten(client);
      System.err.println("bench: replay through all the Pantau jobs …");
      StateProbe state = new StateProbe(dir.resolve("savepoints"));
      double full =
          replay(
              "all jobs",
              o,
              env -> PantauJobs.build(env, BenchSources.of(cfg), JobSinks.real(cfg), cfg),
              state);
      double replaySeconds = o.events / full;
      long points = pointsWritten(client) - pointsBefore;

      report.row(
          "Replay: bare baseline (same run)",
          baseline,
          "events/s",
          "252k–293k at p=1 on a quiet machine of this kind");
      report.target(
          "Replay: all Pantau jobs",
          full,
          "events/s",
          String.format(
              Locale.ROOT,
              "%.2f × baseline (targets: ≥ 250,000/s and ≥ 0.8 × baseline)",
              full / baseline),
          full >= 250_000 && full >= 0.8 * baseline);
      report.target(
          "Replay: all jobs ÷ baseline",
          full / baseline,
          "ratio",
          "target ≥ 0.8",
          full / baseline >= 0.8);
      if (state.bytes > 0) {
        report.target(
            "State per employee (savepoint at 90% of the day ÷ staff)",
            state.bytes / (double) o.staff,
            "bytes",
            String.format(
                Locale.ROOT, "%,.1f MiB in all (target ≤ 1,024 B)", state.bytes / 1048576.0),
            state.bytes / (double) o.staff <= 1024);
      } else {
        report.row("State per employee", Double.NaN, "bytes", "savepoint failed: " + state.error);
      }
      report.row(
          "Heap used, peak during the all-jobs replay",
          state.peakHeap / 1048576.0,
          "MiB",
          "of "
              + Runtime.getRuntime().maxMemory() / 1048576
              + " MiB max (MiniCluster, Kafka"
              + " client and bench share it)");
      report.target(
          "InfluxDB points written per second, replay",
          points / replaySeconds,
          "points/s",
          String.format(
              Locale.ROOT,
              "%,d points in %.0f s at full replay speed (target ≤ 5,000/s)",
              points,
              replaySeconds),
          points / replaySeconds <= 5_000);
      report.row(
          "InfluxDB points kept after the replay",
          storedPoints(client, "pantau"),
          "points",
          storedByMeasurement(client, "pantau"));
      long series = seriesCount(client, "pantau");
      report.target(
          "InfluxDB series per unit",
          series / (double) o.units,
          "series",
          String.format(Locale.ROOT, "%,d series for %,d units (target ≤ 20)", series, o.units),
          series / (double) o.units <= 20);

      if (o.freshSeconds > 0) freshness(kafka, influx, client, data, o, dir);
      if (o.ingest) ingest(kafka, o);
    }
    report.note(
        "Replay rates count from the first record read to the job's end, so the job's start-up (a"
            + " few seconds) is left out of both; the savepoint for the state figure is taken"
            + " during the all-jobs replay and is included in its time.");
    double loadAvg = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    report.write(o.out, settings, loadAvg);
  }

  private static JobsConfig config(
      KafkaBroker kafka,
      InfluxServer influx,
      String db,
      String group,
      String startFrom,
      Options o,
      Path dir,
      boolean bounded) {
    Map<String, String> env = new HashMap<>();
    env.put("PANTAU_INFLUX_DB", db);
    env.put("PANTAU_JOBS_GROUP", group);
    env.put("PANTAU_CHECKPOINT_DIR", dir.resolve("checkpoints-" + group).toUri().toString());
    JobsConfig cfg =
        JobsConfig.fromEnv(env)
            .withKafka(kafka.bootstrapServers())
            .withInflux(influx.url())
            .withStartFrom(startFrom)
            .withParallelism(o.parallelism);
    return bounded ? cfg.asBounded() : cfg;
  }

  interface Pipeline {
    void build(StreamExecutionEnvironment env) throws Exception;
  }

  /** Peak heap and a savepoint's size, taken while the replay runs. */
  static final class StateProbe {
    final Path dir;
    long bytes;
    long peakHeap;
    String error = "";

    StateProbe(Path dir) {
      this.dir = dir;
    }
  }

  /** Runs a bounded replay with progress; events per second from the first record read. */
  private static double replay(String name, Options o, Pipeline p, StateProbe probe)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    p.build(env);
    BenchSources.reset();
    long submitted = System.nanoTime();
    JobClient job = env.executeAsync(name);
    boolean savepointTaken = false;
    long lastPrint = System.nanoTime();
    long lastRead = 0;
    var mem = ManagementFactory.getMemoryMXBean();
    // The local environment's MiniCluster shuts down with the job: ask the result, not the status.
    var result = job.getJobExecutionResult();
    while (!result.isDone()) {
      TimeUnit.MILLISECONDS.sleep(250);
      long read = BenchSources.READ.get();
      if (probe != null) {
        probe.peakHeap = Math.max(probe.peakHeap, mem.getHeapMemoryUsage().getUsed());
        if (!savepointTaken && read >= 0.9 * o.events) {
          savepointTaken = true;
          System.err.printf(
              "bench: %s: savepoint at %,d events for the state size …%n", name, read);
          try {
            String path =
                job.triggerSavepoint(probe.dir.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(5, TimeUnit.MINUTES);
            probe.bytes = size(Path.of(java.net.URI.create(path)));
            System.err.printf("bench: %s: savepoint %,d bytes%n", name, probe.bytes);
          } catch (Exception e) {
            probe.error = String.valueOf(e.getMessage());
            System.err.println("bench: savepoint failed: " + e);
          }
        }
      }
      long now = System.nanoTime();
      if (now - lastPrint >= 5_000_000_000L) {
        System.err.printf(
            "bench: %s: %,d of %,d events read (%.0f%%), %,.0f/s, %.0f s%n",
            name,
            read,
            o.events,
            100.0 * read / o.events,
            (read - lastRead) / ((now - lastPrint) / 1e9),
            (now - submitted) / 1e9);
        lastPrint = now;
        lastRead = read;
      }
    }
    long end = System.nanoTime();
    result.get(); // throws when the job failed
    long first = BenchSources.FIRST_NANOS.get();
    double seconds = (end - (first == 0 ? submitted : first)) / 1e9;
    System.err.printf(
        "bench: %s: %,d events in %.1f s (%.1f s after submission)%n",
        name, o.events, seconds, (end - submitted) / 1e9);
    return o.events / seconds;
  }

  private static long size(Path p) throws Exception {
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private void freshness(
      KafkaBroker kafka, InfluxServer influx, InfluxDB client, BenchData data, Options o, Path dir)
      throws Exception {
    influx.createDatabase("fresh");
    JobsConfig cfg = config(kafka, influx, "fresh", "pantau-fresh", "latest", o, dir, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, BenchSources.of(cfg), JobSinks.real(cfg), cfg);
    System.err.println("bench: freshness: starting the jobs on live traffic …");
    JobClient job = env.executeAsync("freshness");
    try {
      waitRunning(job);
      Freshness f = new Freshness(kafka.bootstrapServers(), client, "fresh", data);
      int warmUp = Math.min(15, o.freshSeconds / 3);
      System.err.printf(
          "bench: freshness: %,d events/s for %d s (first %d s warm-up), a probe every %d ms …%n",
          o.freshRate, o.freshSeconds, warmUp, Freshness.PROBE_EVERY_MS);
      AtomicLong peak = new AtomicLong();
      Thread heap =
          new Thread(
              () -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                  peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      heap.setDaemon(true);
      heap.start();
      long pointsBefore = pointsWritten(client);
      long t0 = System.nanoTime();
      List<Long> lat = f.run(o.freshRate, o.freshSeconds, warmUp);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long points = pointsWritten(client) - pointsBefore;
      heap.interrupt();
      double rate = f.sent.get() / seconds;
      double p50 = Freshness.percentile(lat, 0.50);
      double p99 = Freshness.percentile(lat, 0.99);
      report.row(
          "Freshness: steady input rate reached",
          rate,
          "events/s",
          String.format(Locale.ROOT, "asked %,d/s", o.freshRate));
      report.row(
          "Freshness p50 (event time → visible in InfluxDB)",
          p50,
          "ms",
          String.format(
              Locale.ROOT, "%,d probes, polled every %d ms", lat.size(), Freshness.POLL_MS));
      report.target("Freshness p99", p99, "ms", "target ≤ 1,000 ms", p99 <= 1_000);
      report.target(
          "InfluxDB points written per second, steady",
          points / seconds,
          "points/s",
          String.format(Locale.ROOT, "at %,.0f events/s (target ≤ 5,000/s)", rate),
          points / seconds <= 5_000);
      report.row(
          "Heap used, peak during the steady run",
          peak.get() / 1048576.0,
          "MiB",
          "after the replay, in the same JVM");
    } finally {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
  }

  private static void waitRunning(JobClient job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (job.getJobStatus().get() != JobStatus.RUNNING) {
      if (System.nanoTime() > deadline)
        throw new IllegalStateException("freshness job not running");
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Ingest over HTTP beside Kafka's own producer (IngestLoad measures; the rows come here). */
  private void ingest(KafkaBroker kafka, Options o) throws Exception {
    IngestLoad.measure(kafka, Math.min(o.events, 500_000), report::row);
  }

  /** Points influxd has accepted since it started (its own write statistics). */
  static long pointsWritten(InfluxDB client) {
    QueryResult r = client.query(new Query("SHOW STATS"));
    for (QueryResult.Series s : r.getResults().get(0).getSeries()) {
      if (!"write".equals(s.getName())) continue;
      int i = s.getColumns().indexOf("pointReq");
      if (i >= 0) return ((Number) s.getValues().get(0).get(i)).longValue();
    }
    return 0;
  }

  /** Each measurement with the field that every one of its points has. */
  private static final String[][] MEASURED = {
    {"occupancy", "present", "raw"},
    {"compliance", "expected", "raw"},
    {"breach", "open", "raw"},
    {"daily", "peak_present", "trends"}
  };

  /** Points stored per measurement (a rewrite of a point counts once), for where the writes go. */
  static String storedByMeasurement(InfluxDB client, String db) {
    StringBuilder sb = new StringBuilder();
    for (String[] m : MEASURED) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(String.format(Locale.ROOT, "%s %,d", m[0], stored(client, db, m)));
    }
    return sb.toString();
  }

  static long storedPoints(InfluxDB client, String db) {
    long n = 0;
    for (String[] m : MEASURED) n += stored(client, db, m);
    return n;
  }

  private static long stored(InfluxDB client, String db, String[] m) {
    QueryResult r =
        client.query(
            new Query("SELECT count(\"" + m[1] + "\") FROM \"" + m[2] + "\".\"" + m[0] + "\"", db));
    if (r.hasError() || r.getResults().isEmpty()) return 0;
    var series = r.getResults().get(0).getSeries();
    if (series == null || series.isEmpty()) return 0;
    return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }

  static long seriesCount(InfluxDB client, String db) {
    QueryResult r = client.query(new Query("SHOW SERIES", db));
    long n = 0;
    for (QueryResult.Result res : r.getResults()) {
      if (res.getSeries() == null) continue;
      for (QueryResult.Series s : res.getSeries()) n += s.getValues().size();
    }
    return n;
  }
}

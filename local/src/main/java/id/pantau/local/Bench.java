package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobsConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * `./pantau bench`: figures beside their baselines measured in the same run, on real Kafka, influxd
 * and a Flink MiniCluster in this JVM, printed as a table and written to target/bench/results.md
 * and results.json. Sections: replay of a pre-loaded day (all jobs beside the bare baseline, {@link
 * BenchReplay}), state and heap, InfluxDB points and series ({@link InfluxPointCounts}), freshness
 * at a steady rate ({@link BenchFreshness}), ingest over HTTP ({@link IngestLoad}), dashboard-api's
 * occupancy under concurrent clients ({@link BenchApi}; {@code --api-only} runs just that section,
 * on influxd alone; {@code --fresh-only} the freshness section alone, on the day's units and
 * roster).
 */
public final class Bench {
  private final BenchReport report = new BenchReport();

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (RuntimeException e) {
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    new Bench().run(options);
    System.exit(0);
  }

  void run(BenchOptions o) throws Exception {
    Path dir = Files.createTempDirectory("pantau-bench");
    String settings = o.settings();
    System.err.println("bench: " + settings);
    if (o.apiOnly()) {
      try (InfluxServer influx = InfluxServer.start(dir.resolve("influx"));
          InfluxDB client = InfluxDBFactory.connect(influx.url())) {
        BenchApi.measure(influx, client, null, o, report);
      }
      report.write(o.out(), settings, loadAverage());
      return;
    }
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
        InfluxServer influx = InfluxServer.start(dir.resolve("influx"));
        InfluxDB client = InfluxDBFactory.connect(influx.url())) {
      kafka.createPantauTopics(o.parallelism());
      influx.createDatabase("pantau");
      BenchData data = new BenchData(o.staff(), o.units());
      System.err.printf(
          "bench: loading %,d roster rows and %,d events into Kafka …%n", o.staff(), o.events());
      if (o.freshOnly()) {
        System.err.printf("bench: loading %,d roster rows into Kafka …%n", o.staff());
        data.load(kafka.bootstrapServers(), 0);
        BenchFreshness.measure(new BenchRig(kafka, influx, client, data, o, dir, report));
        report.write(o.out(), settings, loadAverage());
        return;
      }
      double load = data.load(kafka.bootstrapServers(), o.events());
      report.row(
          "Kafka producer, acks=1 (pre-loading the day)",
          (o.events() + o.staff()) / load,
          "records/s",
          "243k–493k measured alone on this machine");
      replays(kafka, influx, client, o, dir);
      BenchRig rig = new BenchRig(kafka, influx, client, data, o, dir, report);
      if (o.freshSeconds() > 0) BenchFreshness.measure(rig);
      // Ingest over HTTP beside Kafka's own producer (IngestLoad measures; the rows come here).
      if (o.ingest()) IngestLoad.measure(kafka, Math.min(o.events(), 500_000), report::row);
      if (o.apiSeconds() > 0) BenchApi.measure(influx, client, kafka.bootstrapServers(), o, report);
      BenchPoison.measure(rig);
    }
    report.note(
        "Replay rates count from the first record read to the job's end, so the job's start-up (a"
            + " few seconds) is left out of both; the savepoint for the state figure is taken"
            + " during the all-jobs replay and is included in its time.");
    report.write(o.out(), settings, loadAverage());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The day replayed through the bare baseline, then all the jobs: rates, state, points. */
  private void replays(
      KafkaBroker kafka, InfluxServer influx, InfluxDB client, BenchOptions o, Path dir)
      throws Exception {
    JobsConfig cfg =
        o.jobsConfig(kafka, influx, "pantau", "pantau-bench", "earliest", dir, true, Map.of());
    System.err.println("bench: replay through the bare baseline (parse → keyBy unit → count) …");
    double baseline =
        BenchReplay.run("baseline", o.events(), env -> BaselineJob.build(env, cfg), null);
    long pointsBefore = InfluxPointCounts.pointsWritten(client);
    System.err.println("bench: replay through all the Pantau jobs …");
    BenchReplay.StateProbe state = new BenchReplay.StateProbe(dir.resolve("savepoints"));
    var setup =
        new BenchCosts.Setup(
            o.parallelism(), o.stateBackend(), BenchCosts.deployedObjectReuse(cfg));
    BenchReplay.Result main =
        BenchReplay.measure(
            "all jobs, " + setup.label(), o.events(), BenchCosts.allJobs(cfg, setup), state);
    double full = main.rate();
    double replaySeconds = o.events() / full;
    long points = InfluxPointCounts.pointsWritten(client) - pointsBefore;

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
            "%.2f × baseline (targets: ≥ 250,000/s and ≥ 0.8 × baseline); %s; %s",
            full / baseline,
            setup.label(),
            BenchCosts.summary(main.metrics())),
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
          state.bytes / (double) o.staff(),
          "bytes",
          String.format(
              Locale.ROOT, "%,.1f MiB in all (target ≤ 1,024 B)", state.bytes / 1048576.0),
          state.bytes / (double) o.staff() <= 1024);
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
        InfluxPointCounts.storedPoints(client, "pantau"),
        "points",
        InfluxPointCounts.storedByMeasurement(client, "pantau"));
    long series = InfluxPointCounts.seriesCount(client, "pantau");
    report.target(
        "InfluxDB series per unit",
        series / (double) o.units(),
        "series",
        String.format(Locale.ROOT, "%,d series for %,d units (target ≤ 20)", series, o.units()),
        series / (double) o.units() <= 20);
    BenchCosts.rows(report, main.metrics(), o.events(), replaySeconds);
    if (o.variants()) BenchCosts.variants(report, cfg, setup, full, o.events());
  }
}

package id.pantau.local;

import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What the all-jobs replay costs ({@link BenchMetrics}): CPU per event of each operator chain, GC
 * pauses and checkpoints; and the same replay once more for each setting changed alone (the other
 * parallelism, the other state backend, object reuse the other way), beside the main replay.
 */
final class BenchCosts {
  private BenchCosts() {}

  /** A setting of the all-jobs replay: parallelism, state backend and object reuse. */
  record Setup(int parallelism, String stateBackend, boolean objectReuse) {
    String label() {
      return String.format(
          Locale.ROOT,
          "p=%d, %s, object reuse %s",
          parallelism,
          stateBackend,
          objectReuse ? "on" : "off");
    }

    JobsConfig apply(JobsConfig cfg) {
      return cfg.withParallelism(parallelism).withStateBackend(stateBackend);
    }

    /** The main replay's setup changed one setting at a time. */
    List<Setup> variants() {
      List<Setup> all = new ArrayList<>();
      all.add(new Setup(parallelism, stateBackend, !objectReuse));
      all.add(new Setup(parallelism == 1 ? 2 : 1, stateBackend, objectReuse));
      // Last: on this machine RocksDB is the slowest by far (see docs/benchmark.md).
      String other = JobsConfig.HEAP.equals(stateBackend) ? JobsConfig.ROCKSDB : JobsConfig.HEAP;
      all.add(new Setup(parallelism, other, objectReuse));
      return all;
    }
  }

  /** The jobs as {@code PantauJobs} builds them, object reuse set as the setup says. */
  static BenchReplay.Pipeline allJobs(JobsConfig cfg, Setup s) {
    JobsConfig c = s.apply(cfg);
    return env -> {
      PantauJobs.build(env, BenchSources.of(c), JobSinks.real(c), c);
      if (s.objectReuse()) env.getConfig().enableObjectReuse();
      else env.getConfig().disableObjectReuse();
    };
  }

  /** Whether PantauJobs turns object reuse on: the main replay runs as deployed. */
  static boolean deployedObjectReuse(JobsConfig cfg) {
    var env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.configure(env, cfg);
    return env.getConfig().isObjectReuseEnabled();
  }

  /**
   * CPU per event of each chain, GC pauses and checkpoints of the main replay. CPU is the chain's
   * task threads' CPU time: Flink's busy time is wall time (it counts waiting for a core on a
   * shared machine, and an idle source polling), shown beside it.
   */
  static void rows(BenchReport report, BenchMetrics m, long events, double seconds) {
    Map<String, Long> busy = m.busyMsByChain();
    Map<String, Long> cpu = m.cpuNanosByChain();
    for (var e : busy.entrySet()) {
      Long threadNs = cpu.get(e.getKey());
      report.row(
          "CPU per event: " + e.getKey(),
          threadNs == null ? Double.NaN : threadNs / 1e3 / events,
          "µs",
          String.format(
              Locale.ROOT,
              "thread CPU time of its tasks ÷ events read; Flink busy time %.1f µs",
              e.getValue() * 1000.0 / events));
    }
    report.row(
        "CPU per event: every chain",
        cpu.values().stream().mapToLong(Long::longValue).sum() / 1e3 / events,
        "µs",
        String.format(
            Locale.ROOT,
            "%d chains' thread CPU time; Flink busy time %.1f µs; %.0f s of replay",
            busy.size(),
            busy.values().stream().mapToLong(Long::longValue).sum() * 1000.0 / events,
            seconds));
    m.influxSinks()
        .forEach(
            (sink, v) ->
                report.row(
                    "InfluxDB points written by " + sink,
                    v.getOrDefault("influxWritten", 0L),
                    "points",
                    String.format(
                        Locale.ROOT,
                        "%.1f s waiting for the write cap",
                        v.getOrDefault("influxThrottledMs", 0L) / 1000.0)));
    report.row(
        "GC pauses during the all-jobs replay, total",
        m.gcPauseMs(),
        "ms",
        String.format(
            Locale.ROOT,
            "%.1f %% of the replay's %.0f s (GC notifications, concurrent cycles left out)",
            m.gcPauseMs() / 10.0 / seconds,
            seconds));
    report.row("GC pause during the all-jobs replay, longest", m.gcLongestMs(), "ms", "");
    List<Long> cps = m.checkpointMs();
    report.row(
        "Checkpoint duration p50, all-jobs replay",
        Freshness.percentile(cps, 0.5),
        "ms",
        cps.size() + " checkpoints completed (Flink's lastCheckpointDuration at each)");
    report.row(
        "Checkpoint duration max, all-jobs replay",
        Freshness.percentile(cps, 1.0),
        "ms",
        cps.size() + " checkpoints");
    report.row(
        "Checkpoint size, last completed",
        mib(m.lastCheckpointBytes()),
        "MiB",
        String.format(
            Locale.ROOT,
            "Flink's lastCheckpointSize; full state %.1f MiB; largest checkpoint %.1f MiB",
            mib(m.lastCheckpointFullBytes()),
            mib(m.largestCheckpointBytes())));
  }

  private static double mib(long bytes) {
    return bytes < 0 ? Double.NaN : bytes / 1048576.0;
  }

  /** Each variant's replay: its rate beside the main one's, its GC pauses and checkpoints. */
  static void variants(BenchReport report, JobsConfig cfg, Setup main, double mainRate, long events)
      throws Exception {
    for (Setup v : main.variants()) {
      System.err.println("bench: replay through all the jobs, " + v.label() + " …");
      BenchReplay.Result r =
          BenchReplay.measure("all jobs, " + v.label(), events, allJobs(cfg, v), null);
      report.row(
          "Replay: all jobs, " + v.label(),
          r.rate(),
          "events/s",
          String.format(
              Locale.ROOT,
              "%.2f × the main replay (%s); %s",
              r.rate() / mainRate,
              main.label(),
              summary(r.metrics())));
    }
  }

  /** GC pauses and checkpoints in a few words, for a row's "beside". */
  static String summary(BenchMetrics m) {
    List<Long> cps = m.checkpointMs();
    return String.format(
        Locale.ROOT,
        "GC pauses %,d ms (longest %,d ms); %d checkpoints, p50 %,.0f ms, max %,.0f ms, last"
            + " %.1f MiB (full %.1f MiB)",
        m.gcPauseMs(),
        m.gcLongestMs(),
        cps.size(),
        Freshness.percentile(cps, 0.5),
        Freshness.percentile(cps, 1.0),
        mib(m.lastCheckpointBytes()),
        mib(m.lastCheckpointFullBytes()));
  }
}

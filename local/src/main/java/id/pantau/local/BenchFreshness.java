package id.pantau.local;

import id.pantau.events.Topics;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The bench's freshness section: the jobs on live traffic at a steady rate, probes timed from event
 * time to visible in InfluxDB ({@link Freshness}), with the points written and the heap meanwhile.
 */
final class BenchFreshness {
  private BenchFreshness() {}

  static void measure(BenchRig rig) throws Exception {
    BenchOptions o = rig.options();
    BenchReport report = rig.report();
    rig.influx().createDatabase("fresh");
    JobsConfig cfg =
        o.jobsConfig(
            rig.kafka(),
            rig.influx(),
            "fresh",
            "pantau-fresh",
            "latest",
            rig.dir(),
            false,
            Map.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, BenchSources.of(cfg), JobSinks.real(cfg), cfg);
    System.err.println("bench: freshness: starting the jobs on live traffic …");
    JobClient job = env.executeAsync("freshness");
    try {
      waitRunning(job);
      double startUp = awaitReferenceRead(rig, cfg);
      report.row(
          "Freshness: start-up, reference topics and rosters read",
          startUp,
          "s",
          "from the job's start until its sources committed every record of the compacted"
              + " topics on a checkpoint; the steady run starts then");
      Freshness f =
          new Freshness(rig.kafka().bootstrapServers(), rig.client(), "fresh", rig.data());
      int warmUp = Math.min(15, o.freshSeconds() / 3);
      System.err.printf(
          "bench: freshness: %,d events/s for %d s (first %d s warm-up), a probe every %d ms …%n",
          o.freshRate(), o.freshSeconds(), warmUp, Freshness.PROBE_EVERY_MS);
      AtomicLong peak = new AtomicLong();
      Thread heap = heapWatcher(peak);
      long pointsBefore = InfluxPointCounts.pointsWritten(rig.client());
      long t0 = System.nanoTime();
      List<Long> lat = f.run(o.freshRate(), o.freshSeconds(), warmUp);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long points = InfluxPointCounts.pointsWritten(rig.client()) - pointsBefore;
      heap.interrupt();
      double rate = f.sent.get() / seconds;
      double p50 = Freshness.percentile(lat, 0.50);
      double p99 = Freshness.percentile(lat, 0.99);
      rig.report()
          .row(
              "Freshness: steady input rate reached",
              rate,
              "events/s",
              String.format(Locale.ROOT, "asked %,d/s", o.freshRate()));
      rig.report()
          .row(
              "Freshness p50 (event time → visible in InfluxDB)",
              p50,
              "ms",
              String.format(
                  Locale.ROOT, "%,d probes, polled every %d ms", lat.size(), Freshness.POLL_MS));
      report.target("Freshness p99", p99, "ms", "target ≤ 1,000 ms", p99 <= 1_000);
      rig.report()
          .target(
              "InfluxDB points written per second, steady",
              points / seconds,
              "points/s",
              String.format(Locale.ROOT, "at %,.0f events/s (target ≤ 5,000/s)", rate),
              points / seconds <= 5_000);
      rig.report()
          .row(
              "Heap used, peak during the steady run",
              peak.get() / 1048576.0,
              "MiB",
              "after the replay, in the same JVM");
    } finally {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
  }

  /**
   * Until the live jobs have read the compacted topics (units, zones, policies, regions, rosters:
   * one roster row per employee) and committed them on a checkpoint, as a deployed job has long
   * before the morning it serves. Returns the seconds it took; after 10 minutes it goes on, and the
   * figures then include the rest of that start-up.
   */
  private static double awaitReferenceRead(BenchRig rig, JobsConfig cfg) throws Exception {
    long t0 = System.nanoTime();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, rig.kafka().bootstrapServers()))) {
      CommittedReads reads = new CommittedReads(admin, cfg, Topics.JOBS_REFERENCE);
      long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
      long nextNote = t0;
      long behind;
      while ((behind = reads.behind()) != 0) {
        long now = System.nanoTime();
        if (now > deadline) {
          System.err.printf(
              "bench: freshness: still %,d reference records not read after 10 minutes; measuring"
                  + " anyway (the figures include the rest of the start-up)%n",
              behind);
          break;
        }
        if (now >= nextNote) {
          System.err.printf(
              "bench: freshness: the jobs reading the reference topics and rosters: %s records"
                  + " behind, %.0f s …%n",
              behind < 0 ? "?" : String.format("%,d", behind), (now - t0) / 1e9);
          nextNote = now + TimeUnit.SECONDS.toNanos(5);
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A daemon thread keeping the peak heap used in {@code peak} until interrupted. */
  private static Thread heapWatcher(AtomicLong peak) {
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
    return heap;
  }

  private static void waitRunning(JobClient job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (job.getJobStatus().get() != JobStatus.RUNNING) {
      if (System.nanoTime() > deadline)
        throw new IllegalStateException("freshness job not running");
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}

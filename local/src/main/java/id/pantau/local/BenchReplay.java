package id.pantau.local;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One bounded replay of the pre-loaded day on a MiniCluster in this JVM, with progress; optionally
 * probing the heap and taking a savepoint at 90 % of the day for the state's size.
 */
final class BenchReplay {
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

  private BenchReplay() {}

  /**
   * A replay's rate and what it cost (chains' busy and CPU time, GC pauses, checkpoints). {@code
   * readRate}: the events' own rate, from the first record read to the last, leaving out what the
   * jobs do after the input (a bounded replay's minute points up to each unit's midnight).
   */
  record Result(double rate, double readRate, BenchMetrics metrics) {}

  /** Runs a bounded replay of {@code events}; events per second from the first record read. */
  static double run(String name, long events, Pipeline p, StateProbe probe) throws Exception {
    return measure(name, events, p, probe).rate();
  }

  /** A bounded replay of {@code events}, with Flink's metrics and the JVM's GC pauses. */
  static Result measure(String name, long events, Pipeline p, StateProbe probe) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            BenchMetrics.reporting(new Configuration()));
    p.build(env);
    BenchSources.reset();
    BenchMetrics metrics = BenchMetrics.start();
    try {
      double rate = replay(name, events, env, probe, metrics);
      long first = BenchSources.FIRST_NANOS.get(), last = BenchSources.LAST_NANOS.get();
      double readRate =
          last > first && first > 0 ? BenchSources.READ.get() / ((last - first) / 1e9) : rate;
      return new Result(rate, readRate, metrics);
    } finally {
      metrics.stop();
    }
  }

  private static double replay(
      String name,
      long events,
      StreamExecutionEnvironment env,
      StateProbe probe,
      BenchMetrics metrics)
      throws Exception {
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
      metrics.sample();
      long read = BenchSources.READ.get();
      if (probe != null) {
        probe.peakHeap = Math.max(probe.peakHeap, mem.getHeapMemoryUsage().getUsed());
        if (!savepointTaken && read >= 0.9 * events) {
          savepointTaken = true;
          savepoint(name, job, probe, read);
          metrics.skipCompletion();
        }
      }
      long now = System.nanoTime();
      if (now - lastPrint >= 5_000_000_000L) {
        System.err.printf(
            "bench: %s: %,d of %,d events read (%.0f%%), %,.0f/s, %.0f s%n",
            name,
            read,
            events,
            100.0 * read / events,
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
        name, events, seconds, (end - submitted) / 1e9);
    return events / seconds;
  }

  private static void savepoint(String name, JobClient job, StateProbe probe, long read) {
    System.err.printf("bench: %s: savepoint at %,d events for the state size …%n", name, read);
    try {
      String path =
          job.triggerSavepoint(probe.dir.toUri().toString(), SavepointFormatType.CANONICAL)
              .get(5, TimeUnit.MINUTES);
      probe.bytes = size(Path.of(URI.create(path)));
      System.err.printf("bench: %s: savepoint %,d bytes%n", name, probe.bytes);
    } catch (Exception e) {
      probe.error = String.valueOf(e.getMessage());
      System.err.println("bench: savepoint failed: " + e);
    }
  }

  private static long size(Path p) throws Exception {
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}

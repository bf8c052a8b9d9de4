package id.pantau.local;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * What one replay cost, from Flink's own metrics and the JVM: each operator chain's busy time (its
 * tasks' {@code accumulateBusyTimeMs}, read when a task ends) and its threads' CPU time, GC pauses,
 * and each completed checkpoint's duration and the last one's size. The MiniCluster runs in this
 * JVM, so a metric reporter it loads from the class path ({@link Factory}) hands its gauges here.
 */
final class BenchMetrics {
  private static final String BUSY = "accumulateBusyTimeMs";
  private static final Map<String, Gauge<?>> BUSY_GAUGES = new ConcurrentHashMap<>();
  private static final Map<String, Long> BUSY_FINAL = new ConcurrentHashMap<>();
  private static final Map<String, Gauge<?>> JOB_GAUGES = new ConcurrentHashMap<>();

  /** Each InfluxDB sink's points written and time spent waiting for the write cap, by subtask. */
  private static final List<String> SINK = List.of("influxWritten", "influxThrottledMs");

  private static final Map<String, Gauge<?>> SINK_GAUGES = new ConcurrentHashMap<>();
  private static final Map<String, Long> SINK_FINAL = new ConcurrentHashMap<>();

  private final Map<String, Long> threadCpuNanos = new TreeMap<>();
  private final List<Long> checkpointMs = new ArrayList<>();
  private long checkpointsSeen = -1;
  private long lastCheckpointBytes = -1;
  private long lastCheckpointFullBytes = -1;
  private long largestCheckpointBytes = -1;
  private volatile long gcPauseMs;
  private volatile long gcLongestMs;
  private final List<Runnable> unlisten = new ArrayList<>();

  /** The reporter the replay's MiniCluster is configured with. */
  static Configuration reporting(Configuration conf) {
    conf.setString("metrics.reporter.bench.factory.class", Factory.class.getName());
    return conf;
  }

  /** Starts counting GC pauses; clears what an earlier replay left. */
  static BenchMetrics start() {
    BUSY_GAUGES.clear();
    BUSY_FINAL.clear();
    JOB_GAUGES.clear();
    SINK_GAUGES.clear();
    SINK_FINAL.clear();
    BenchMetrics m = new BenchMetrics();
    NotificationListener gc =
        (n, h) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              n.getType())) return;
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          // G1's concurrent cycle runs beside the application: only pauses stop it.
          if (info.getGcAction().contains("concurrent")) return;
          long ms = info.getGcInfo().getDuration();
          m.gcPauseMs += ms;
          m.gcLongestMs = Math.max(m.gcLongestMs, ms);
        };
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (b instanceof NotificationEmitter e) {
        e.addNotificationListener(gc, null, null);
        m.unlisten.add(
            () -> {
              try {
                e.removeNotificationListener(gc);
              } catch (Exception ignored) {
                // already removed
              }
            });
      }
    }
    return m;
  }

  /** Reads the gauges and the task threads' CPU time; called every 250 ms while the job runs. */
  void sample() {
    Gauge<?> completed = JOB_GAUGES.get("numberOfCompletedCheckpoints");
    Gauge<?> duration = JOB_GAUGES.get("lastCheckpointDuration");
    Gauge<?> size = JOB_GAUGES.get("lastCheckpointSize");
    Gauge<?> fullSize = JOB_GAUGES.get("lastCheckpointFullSize");
    if (completed != null && duration != null && size != null && fullSize != null) {
      long n = number(completed);
      if (checkpointsSeen >= 0 && n > checkpointsSeen) {
        checkpointMs.add(number(duration));
        lastCheckpointBytes = number(size);
        lastCheckpointFullBytes = number(fullSize);
        largestCheckpointBytes = Math.max(largestCheckpointBytes, lastCheckpointBytes);
      }
      checkpointsSeen = n;
    }
    BUSY_GAUGES.forEach((task, g) -> BUSY_FINAL.put(task, number(g)));
    SINK_GAUGES.forEach((key, g) -> SINK_FINAL.put(key, number(g)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) continue;
      String chain = chainOfThread(t.getThreadName());
      if (chain == null) continue;
      long cpu = threads.getThreadCpuTime(t.getThreadId());
      if (cpu > 0) threadCpuNanos.merge(chain + "#" + t.getThreadId(), cpu, Math::max);
    }
  }

  /** Forgets the checkpoint that just completed: a savepoint the bench took, not a checkpoint. */
  void skipCompletion() {
    checkpointsSeen = -1;
    sample();
  }

  void stop() {
    unlisten.forEach(Runnable::run);
  }

  /** Busy milliseconds per chain, its subtasks summed, in the chains' order of name. */
  Map<String, Long> busyMsByChain() {
    Map<String, Long> out = new TreeMap<>();
    BUSY_FINAL.forEach((task, ms) -> out.merge(chain(task), ms, Long::sum));
    return out;
  }

  /** CPU nanoseconds of each chain's task threads (sampled every 250 ms, so up to 250 ms short). */
  Map<String, Long> cpuNanosByChain() {
    Map<String, Long> out = new TreeMap<>();
    threadCpuNanos.forEach((t, ns) -> out.merge(t.substring(0, t.lastIndexOf('#')), ns, Long::sum));
    return out;
  }

  /**
   * Per InfluxDB sink (its operator's name), its subtasks summed: {@code influxWritten} (points)
   * and {@code influxThrottledMs}.
   */
  Map<String, Map<String, Long>> influxSinks() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    SINK_FINAL.forEach(
        (key, v) -> {
          String[] k = key.split("\u0000");
          out.computeIfAbsent(k[0], x -> new TreeMap<>()).merge(k[2], v, Long::sum);
        });
    return out;
  }

  long gcPauseMs() {
    return gcPauseMs;
  }

  long gcLongestMs() {
    return gcLongestMs;
  }

  List<Long> checkpointMs() {
    return List.copyOf(checkpointMs);
  }

  /** What the last completed checkpoint wrote (incremental: only its new files). */
  long lastCheckpointBytes() {
    return lastCheckpointBytes;
  }

  /** The whole state the last completed checkpoint refers to (incremental: with older files). */
  long lastCheckpointFullBytes() {
    return lastCheckpointFullBytes;
  }

  long largestCheckpointBytes() {
    return largestCheckpointBytes;
  }

  /** A task's name is its chain's, then " (2/2)#0": the subtask and attempt. */
  static String chain(String task) {
    int at = task.lastIndexOf(" (");
    return at < 0 ? task : task.substring(0, at);
  }

  /**
   * A task thread is named as its task, then " (1/2)#0"; a Kafka source's fetcher thread as "Source
   * Data Fetcher for " and its task, and counts as its chain's. The metrics may shorten a long
   * name, so a prefix matches. Anything else is not a chain's.
   */
  private static String chainOfThread(String thread) {
    if (!thread.matches(".* \\(\\d+/\\d+\\)#\\d+")) return null;
    String name = chain(thread.replaceFirst("^Source Data Fetcher for ", ""));
    return BUSY_FINAL.keySet().stream()
        .map(BenchMetrics::chain)
        .filter(c -> name.startsWith(c) || c.startsWith(name))
        .findFirst()
        .orElse(null);
  }

  private static long number(Gauge<?> g) {
    Object v = g.getValue();
    return v instanceof Number n ? n.longValue() : -1;
  }

  /** Hands the task's busy-time gauges and the job's checkpoint gauges to the bench. */
  public static final class Reporter extends InJvmReporter {
    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
      if (!(metric instanceof Gauge<?> g)) return;
      Map<String, String> vars = group.getAllVariables();
      if (name.equals(BUSY) && vars.containsKey("<task_name>")) {
        BUSY_GAUGES.put(task(vars), g);
      } else if (SINK.contains(name) && vars.containsKey("<operator_name>")) {
        SINK_GAUGES.put(sinkKey(vars, name), g);
      } else if (name.startsWith("lastCheckpoint") || name.equals("numberOfCompletedCheckpoints")) {
        if (!vars.containsKey("<task_name>")) JOB_GAUGES.put(name, g);
      }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
      if (!(metric instanceof Gauge<?> g)) return;
      if (SINK.contains(name) && group.getAllVariables().containsKey("<operator_name>")) {
        String key = sinkKey(group.getAllVariables(), name);
        SINK_FINAL.put(key, number(g));
        SINK_GAUGES.remove(key);
        return;
      }
      if (!name.equals(BUSY)) return;
      String task = task(group.getAllVariables());
      // The task has ended: its busy time is final.
      BUSY_FINAL.put(task, number(g));
      BUSY_GAUGES.remove(task);
    }

    private static String sinkKey(Map<String, String> vars, String name) {
      return vars.get("<operator_name>") + "\u0000" + vars.get("<subtask_index>") + "\u0000" + name;
    }

    private static String task(Map<String, String> vars) {
      return vars.get("<task_name>") + " (" + vars.get("<subtask_index>") + ")";
    }
  }

  /** Loaded by Flink's ReporterSetup through META-INF/services. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new Reporter();
    }
  }
}

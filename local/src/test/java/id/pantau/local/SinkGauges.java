package id.pantau.local;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * The InfluxDB sink's gauges ({@code influx*}: its buffer, its bound, its retries and time spent
 * backing off) of every writer of the jobs on a MiniCluster in this JVM, read by a fault test while
 * the job runs and after it ended. A Flink metric reporter, named in the MiniCluster's
 * configuration by {@link #CONFIG_KEY}.
 */
public final class SinkGauges extends InJvmReporter {
  /** The configuration entry that makes a MiniCluster report to this class. */
  static final String CONFIG_KEY = "metrics.reporter.sink-gauges.factory.class";

  private record Named(String name, Gauge<?> gauge) {}

  private static final List<Named> GAUGES = new CopyOnWriteArrayList<>();

  /** Forgets the gauges of earlier jobs. */
  static void clear() {
    GAUGES.clear();
  }

  /** The largest value of the gauge {@code name} over every writer (0 before any). */
  static long max(String name) {
    return GAUGES.stream()
        .filter(g -> g.name.equals(name))
        .mapToLong(g -> ((Number) g.gauge.getValue()).longValue())
        .max()
        .orElse(0);
  }

  /** The sum of the gauge {@code name} over every writer. */
  static long sum(String name) {
    return GAUGES.stream()
        .filter(g -> g.name.equals(name))
        .mapToLong(g -> ((Number) g.gauge.getValue()).longValue())
        .sum();
  }

  /** How many writers report the gauge. */
  static long writers(String name) {
    return GAUGES.stream().filter(g -> g.name.equals(name)).count();
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (name.startsWith("influx") && metric instanceof Gauge<?> g) GAUGES.add(new Named(name, g));
  }

  /** Kept: a finished job's writers are read after it ended. */
  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  /** Found by Flink through META-INF/services. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new SinkGauges();
    }
  }
}

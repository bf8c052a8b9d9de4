package id.pantau.local;

import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.reporter.MetricReporter;

/**
 * A Flink metric reporter that hands metrics to code in the same JVM (the bench, a fault test):
 * nothing to open or close, a subclass only keeps what it is added and told is removed.
 */
abstract class InJvmReporter implements MetricReporter {
  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}
}

package id.pantau.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Buffers points and writes them in batches: when the batch is full, on a short timer (so a quiet
 * unit's change shows within a second), and all of it on every checkpoint. A point written again
 * before its batch goes out (a unit's compliance count at its fixed time, changed by each check-in)
 * replaces the buffered line, so InfluxDB gets the last value once instead of every step on the
 * way: what it stores is the same, the write rate is not. While the write rate is spent, the timer
 * waits for it instead of sending, so rewrites keep coalescing. Runs in the task's mailbox thread,
 * timer included, so it needs no locks.
 */
public final class InfluxWriter<T> implements SinkWriter<T> {
  private final InfluxConfig config;
  private final LineEncoder<T> encoder;
  private final InfluxLineClient client;
  private final ProcessingTimeService time;
  private final WriteRate rate;
  private final List<String> buffer;
  private final List<LinePoint> points;
  private final Map<String, Integer> slotOfPoint = new HashMap<>();
  private boolean timerSet;
  private volatile long written;
  private long coalesced;
  private volatile int bufferedMax;
  private volatile long throttledMs;

  InfluxWriter(
      InfluxConfig config,
      LineEncoder<T> encoder,
      InfluxLineClient client,
      ProcessingTimeService time) {
    this.config = config;
    this.encoder = encoder;
    this.client = client;
    this.time = time;
    this.rate = WriteRate.forServer(config.url(), config.maxPointsPerSecond());
    this.buffer = new ArrayList<>(config.batchSize());
    this.points = new ArrayList<>(config.batchSize());
    try {
      client.ensureDatabase();
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void write(T element, Context context) throws IOException {
    String line = encoder.encode(element);
    LinePoint point = LinePoint.of(line);
    if (point != null) {
      Integer slot = slotOfPoint.get(point.point());
      if (slot != null && point.covers(points.get(slot))) {
        buffer.set(slot, line);
        points.set(slot, point);
        coalesced++;
        return; // a timer or a full batch is already on its way for this buffer
      }
      slotOfPoint.put(point.point(), buffer.size());
    }
    buffer.add(line);
    points.add(point);
    if (buffer.size() > bufferedMax) bufferedMax = buffer.size();
    if (buffer.size() >= config.batchSize()) {
      writeBuffer();
    } else if (!timerSet) {
      timerSet = true;
      time.registerTimer(
          time.getCurrentProcessingTime() + config.flushIntervalMs(), t -> onTimer());
    }
  }

  private void onTimer() throws IOException {
    timerSet = false;
    long waitNanos = rate == null ? 0 : rate.nanosUntil(buffer.size());
    if (waitNanos > 0) {
      // The write rate is spent (a replay): rather than wait now, keep taking points until it is
      // not, so a point rewritten meanwhile replaces its line. A full batch or a checkpoint still
      // waits for the rate and sends everything.
      timerSet = true;
      time.registerTimer(
          time.getCurrentProcessingTime() + Math.max(1, waitNanos / 1_000_000), t -> onTimer());
      return;
    }
    writeBuffer();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    writeBuffer();
  }

  private void writeBuffer() throws IOException {
    if (buffer.isEmpty()) return;
    if (rate != null) throttledMs += rate.await(buffer.size());
    client.write(buffer);
    written += buffer.size();
    buffer.clear();
    points.clear();
    slotOfPoint.clear();
  }

  /**
   * The sink's metrics: its buffer never holds more than the batch size (a full batch is written
   * before the next point is taken, and while InfluxDB is down that write waits), so {@code
   * influxBufferedMax} stays at most {@code influxBufferLimit}; the retries and the time spent
   * backing off show an outage; {@code influxThrottledMs}, the time spent waiting for the write
   * rate ({@link WriteRate}), a replay held to it.
   */
  void registerMetrics(MetricGroup group) {
    group.gauge("influxBufferLimit", config::batchSize);
    group.gauge("influxBuffered", buffer::size);
    group.gauge("influxBufferedMax", () -> bufferedMax);
    group.gauge("influxWritten", () -> written);
    group.gauge("influxRetries", client::retries);
    group.gauge("influxBackoffMs", client::backoffMs);
    group.gauge("influxThrottledMs", () -> throttledMs);
  }

  /** The most lines the buffer held at once. */
  int bufferedMax() {
    return bufferedMax;
  }

  /** Points written so far, for tests and metrics. */
  long written() {
    return written;
  }

  /** Milliseconds spent waiting for the write rate. */
  long throttledMs() {
    return throttledMs;
  }

  /** Lines that replaced a buffered line of the same point instead of being sent as well. */
  long coalesced() {
    return coalesced;
  }

  @Override
  public void close() throws Exception {
    // Not a flush: close also runs on failure, and a checkpoint already flushed what counts.
    client.close();
  }
}

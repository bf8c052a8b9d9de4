package id.pantau.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Buffers points and writes them in batches: when the batch is full, on a short timer (so a quiet
 * unit's change shows within a second), and all of it on every checkpoint. Runs in the task's
 * mailbox thread, timer included, so it needs no locks.
 */
public final class InfluxWriter<T> implements SinkWriter<T> {
  private final InfluxConfig config;
  private final LineEncoder<T> encoder;
  private final InfluxLineClient client;
  private final ProcessingTimeService time;
  private final List<String> buffer;
  private boolean timerSet;
  private long written;

  InfluxWriter(
      InfluxConfig config,
      LineEncoder<T> encoder,
      InfluxLineClient client,
      ProcessingTimeService time) {
    this.config = config;
    this.encoder = encoder;
    this.client = client;
    this.time = time;
    this.buffer = new ArrayList<>(config.batchSize());
    try {
      client.ensureDatabase();
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void write(T element, Context context) throws IOException {
    buffer.add(encoder.encode(element));
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
    writeBuffer();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    writeBuffer();
  }

  private void writeBuffer() throws IOException {
    if (buffer.isEmpty()) return;
    client.write(buffer);
    written += buffer.size();
    buffer.clear();
  }

  /** Points written so far, for tests and metrics. */
  long written() {
    return written;
  }

  @Override
  public void close() throws Exception {
    // Not a flush: close also runs on failure, and a checkpoint already flushed what counts.
    client.close();
  }
}

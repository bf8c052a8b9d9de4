package id.pantau.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes points to InfluxDB 1.x. Points are identified by measurement, tags and time, so writing
 * the same point again after a restart or a replay overwrites it: at-least-once delivery with
 * flush-on-checkpoint is effectively exactly-once here.
 */
public final class InfluxSink<T> implements Sink<T> {
  private final InfluxConfig config;
  private final LineEncoder<T> encoder;

  public InfluxSink(InfluxConfig config, LineEncoder<T> encoder) {
    if (config == null) throw new IllegalArgumentException("influx config: is required");
    if (encoder == null) throw new IllegalArgumentException("line encoder: is required");
    this.config = config;
    this.encoder = encoder;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    InfluxWriter<T> writer =
        new InfluxWriter<>(
            config, encoder, new InfluxLineClient(config), context.getProcessingTimeService());
    writer.registerMetrics(context.metricGroup());
    return writer;
  }
}

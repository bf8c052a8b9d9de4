package id.pantau.jobs;

import id.pantau.events.DeadLetter;
import id.pantau.events.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes and validates JSON records in the source itself, so a bad record never reaches an
 * operator: it becomes a dead letter that names the topic, partition and offset it came from. A
 * record whose times its {@link TimeGuard} refuses is a dead letter too, before any watermark.
 */
public final class JsonRecords<T> implements KafkaRecordDeserializationSchema<Parsed<T>> {
  /** Serializable decoder: the events module's Json.attendance, Json.unit, … */
  public interface Decoder<T> extends Function<byte[], Decoded<T>>, java.io.Serializable {}

  private final Decoder<T> decoder;
  private final TypeInformation<Parsed<T>> type;
  private final TimeGuard<T> guard;

  public JsonRecords(Decoder<T> decoder, TypeInformation<Parsed<T>> type) {
    this(decoder, type, TimeGuard.none());
  }

  public JsonRecords(Decoder<T> decoder, TypeInformation<Parsed<T>> type, TimeGuard<T> guard) {
    this.decoder = decoder;
    this.type = type;
    this.guard = guard;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Parsed<T>> out) {
    if (record.value() == null) return; // a compaction tombstone: nothing to apply
    Decoded<T> decoded = decoder.apply(record.value());
    String refused = decoded.isOk() ? guard.refuse(decoded.value(), record) : null;
    if (decoded.isOk() && refused == null) {
      out.collect(Parsed.ok(decoded.value()));
      return;
    }
    DeadLetter d =
        DeadLetter.of(
            record.topic(),
            new String(record.value(), StandardCharsets.UTF_8),
            refused != null ? refused : decoded.reason(),
            refused != null ? "time-guard" : "json-decoder",
            // When the record reached Kafka, not when it was read: a restored job or a replay
            // reads it again, and it must count in the same minute of `deadletter` as before. A
            // record that cannot be read has no event time of its own to go by.
            record.timestamp() >= 0 ? record.timestamp() : System.currentTimeMillis());
    d.partition = record.partition();
    d.offset = record.offset();
    d.key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    out.collect(Parsed.dead(d));
  }

  @Override
  public TypeInformation<Parsed<T>> getProducedType() {
    return type;
  }
}

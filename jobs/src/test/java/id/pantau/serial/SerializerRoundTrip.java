package id.pantau.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Writes and reads a value with a serializer, checking what every hand-written one must keep. */
public final class SerializerRoundTrip {
  private SerializerRoundTrip() {}

  /**
   * The value read back; fails when copy(in, out) writes other bytes than serialize, or when
   * deserialize leaves bytes unread.
   */
  public static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(value, out);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = s.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }

  /** What the serializer writes of the value reads back equal to it, field by field. */
  public static <T> void assertReadsBack(TypeSerializer<T> s, T value) throws IOException {
    assertThat(roundTrip(s, value)).usingRecursiveComparison().isEqualTo(value);
  }
}

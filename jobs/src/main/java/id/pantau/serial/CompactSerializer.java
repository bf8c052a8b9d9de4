package id.pantau.serial;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * What every hand-written serializer of a mutable record shares ({@link CompactType}): a subclass
 * says how to create, copy, write and read one, and names its snapshot.
 */
public abstract class CompactSerializer<T> extends TypeSerializerSingleton<T> {
  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  /** A nullable array of strings: its length (-1 for null), then each string. */
  public static void writeStrings(String[] values, DataOutputView out) throws IOException {
    out.writeInt(values == null ? -1 : values.length);
    if (values == null) return;
    for (String v : values) StringValue.writeString(v, out);
  }

  public static String[] readStrings(DataInputView in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    String[] values = new String[n];
    for (int i = 0; i < n; i++) values[i] = StringValue.readString(in);
    return values;
  }
}

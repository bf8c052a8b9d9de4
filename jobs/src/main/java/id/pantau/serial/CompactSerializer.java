package id.pantau.serial;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.apache.flink.util.InstantiationUtil;

/**
 * What every hand-written serializer of a mutable record shares ({@link CompactType}): a subclass
 * states its fields, how to create, copy, write and read one; the rest is here, with the helpers
 * for what may be null (strings are Flink's null-safe {@link StringValue}).
 *
 * <p>Its snapshot names its class ({@link Snapshot}): enough for records in flight, which no
 * checkpoint keeps. A serializer of state declares a snapshot class of its own, whose name its
 * checkpoints keep, and a new version of it when its format changes ({@code
 * CheckinStateSerializer}).
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

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(this);
  }

  /** Whether a flag of a flags byte is set. */
  public static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
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

  /** A copy of a nullable array of strings. */
  public static String[] copyStrings(String[] values) {
    return values == null ? null : values.clone();
  }

  /** A nullable enum: 0 for null, else its ordinal plus one. */
  public static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
    out.writeByte(e == null ? 0 : e.ordinal() + 1);
  }

  public static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
    int i = in.readByte();
    return i == 0 ? null : values[i - 1];
  }

  /** A nullable long: whether it is there, then the value. */
  public static void writeNullable(Long v, DataOutputView out) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) out.writeLong(v);
  }

  public static Long readNullableLong(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  /** A nullable int: whether it is there, then the value. */
  public static void writeNullable(Integer v, DataOutputView out) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) out.writeInt(v);
  }

  public static Integer readNullableInt(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  /**
   * The snapshot of a serializer without parameters: its class name, read back by making one with
   * its public no-arg constructor. Compatible as is with a snapshot of the same class.
   */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private TypeSerializer<T> serializer;

    /** For Flink, which reads the class name after. */
    public Snapshot() {}

    Snapshot(TypeSerializer<T> serializer) {
      this.serializer = serializer;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(serializer.getClass().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      String name = in.readUTF();
      try {
        serializer =
            InstantiationUtil.instantiate(
                Class.forName(name, true, loader).asSubclass(TypeSerializer.class));
      } catch (ClassNotFoundException e) {
        throw new IOException("serializer " + name + " is not on the class path", e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return serializer;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> old) {
      return old instanceof Snapshot<T> s && s.serializer.getClass() == serializer.getClass()
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}

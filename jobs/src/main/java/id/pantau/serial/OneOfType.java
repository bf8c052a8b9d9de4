package id.pantau.serial;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The Flink type of a {@link OneOf}, made of its kinds' types: a tag byte, then the record written
 * by its kind's serializer. Also turns each input stream into the union, in a map operator of its
 * own with a name and a uid ({@link #first}, {@link #second}, {@link #third}).
 */
public final class OneOfType<A, B, C> extends CompactType<OneOf<A, B, C>> {
  private OneOfType(List<TypeInformation<?>> kinds) {
    super(oneOfClass(), kinds, config -> new Serializer<>(serializers(kinds, config)));
  }

  public static <A, B> OneOfType<A, B, Void> of(
      TypeInformation<A> first, TypeInformation<B> second) {
    return new OneOfType<>(List.of(first, second));
  }

  public static <A, B, C> OneOfType<A, B, C> of(
      TypeInformation<A> first, TypeInformation<B> second, TypeInformation<C> third) {
    return new OneOfType<>(List.of(first, second, third));
  }

  /** The records of {@code in} as the first kind. */
  public SingleOutputStreamOperator<OneOf<A, B, C>> first(
      DataStream<A> in, String name, String uid) {
    return in.map(OneOf::first, this).name(name).uid(uid);
  }

  /** The records of {@code in} as the second kind. */
  public SingleOutputStreamOperator<OneOf<A, B, C>> second(
      DataStream<B> in, String name, String uid) {
    return in.map(OneOf::second, this).name(name).uid(uid);
  }

  /** The records of {@code in} as the third kind. */
  public SingleOutputStreamOperator<OneOf<A, B, C>> third(
      DataStream<C> in, String name, String uid) {
    return in.map(OneOf::third, this).name(name).uid(uid);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A, B, C> Class<OneOf<A, B, C>> oneOfClass() {
    return (Class) OneOf.class;
  }

  private static TypeSerializer<?>[] serializers(
      List<TypeInformation<?>> kinds, SerializerConfig config) {
    return kinds.stream().map(k -> k.createSerializer(config)).toArray(TypeSerializer<?>[]::new);
  }

  /** A tag byte, then the record with its kind's serializer. */
  public static final class Serializer<A, B, C> extends TypeSerializer<OneOf<A, B, C>> {
    private final TypeSerializer<Object>[] kinds;

    @SuppressWarnings("unchecked")
    Serializer(TypeSerializer<?>[] kinds) {
      this.kinds = (TypeSerializer<Object>[]) kinds;
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public TypeSerializer<OneOf<A, B, C>> duplicate() {
      TypeSerializer<?>[] copies = new TypeSerializer<?>[kinds.length];
      boolean same = true;
      for (int i = 0; i < kinds.length; i++) {
        copies[i] = kinds[i].duplicate();
        same &= copies[i] == kinds[i];
      }
      return same ? this : new Serializer<>(copies);
    }

    @Override
    public OneOf<A, B, C> createInstance() {
      return new OneOf<>(0, kinds[0].createInstance());
    }

    @Override
    public OneOf<A, B, C> copy(OneOf<A, B, C> from) {
      return new OneOf<>(from.tag, kinds[from.tag].copy(from.value()));
    }

    @Override
    public OneOf<A, B, C> copy(OneOf<A, B, C> from, OneOf<A, B, C> reuse) {
      return copy(from);
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(OneOf<A, B, C> record, DataOutputView out) throws IOException {
      out.writeByte(record.tag);
      kinds[record.tag].serialize(record.value(), out);
    }

    @Override
    public OneOf<A, B, C> deserialize(DataInputView in) throws IOException {
      int tag = in.readByte();
      return new OneOf<>(tag, kinds[tag].deserialize(in));
    }

    @Override
    public OneOf<A, B, C> deserialize(OneOf<A, B, C> reuse, DataInputView in) throws IOException {
      return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
      int tag = in.readByte();
      out.writeByte(tag);
      kinds[tag].copy(in, out);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Serializer<?, ?, ?> s && Arrays.equals(s.kinds, kinds);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(kinds);
    }

    @Override
    public TypeSerializerSnapshot<OneOf<A, B, C>> snapshotConfiguration() {
      return new Snapshot<>(this);
    }
  }

  /** The kinds' serializers; the format has one version. */
  public static final class Snapshot<A, B, C>
      extends CompositeTypeSerializerSnapshot<OneOf<A, B, C>, Serializer<A, B, C>> {
    public Snapshot() {}

    Snapshot(Serializer<A, B, C> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(Serializer<A, B, C> serializer) {
      return serializer.kinds;
    }

    @Override
    protected Serializer<A, B, C> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] kinds) {
      return new Serializer<>(kinds);
    }
  }
}

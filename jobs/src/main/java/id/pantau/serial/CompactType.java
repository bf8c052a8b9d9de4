package id.pantau.serial;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The Flink type of a record that crosses a shuffle on every event and has a hand-written
 * serializer: a few fields written in a fixed order, instead of the reflective PojoSerializer's
 * field-by-field {@code Field.get/set} with a null flag each. Attach it to the class with a {@code
 * TypeInfoFactory} ({@code @TypeInfo}, a {@link Factory}), so {@code TypeInformation.of(Class)}
 * finds it everywhere. A type made of others ({@link OneOfType}) names them, and is equal to
 * another only when they are.
 */
public class CompactType<T> extends TypeInformation<T> {
  /** Serializable: a TypeInformation travels with the job graph. */
  public interface SerializerSupplier<T> extends Supplier<TypeSerializer<T>>, Serializable {}

  /** The serializer of a type made of others, from theirs under the job's serializer config. */
  public interface SerializerFactory<T>
      extends Function<SerializerConfig, TypeSerializer<T>>, Serializable {}

  /**
   * What {@code @TypeInfo} names on a record's class, so {@code TypeInformation.of(Class)} finds
   * its compact type: a subclass passes the type to this constructor.
   */
  public abstract static class Factory<T> extends TypeInfoFactory<T> {
    private final TypeInformation<T> type;

    protected Factory(TypeInformation<T> type) {
      this.type = type;
    }

    @Override
    public TypeInformation<T> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return type;
    }
  }

  private final Class<T> type;
  private final List<TypeInformation<?>> members;
  private final SerializerFactory<T> serializer;

  public CompactType(Class<T> type, SerializerSupplier<T> serializer) {
    this(type, List.of(), config -> serializer.get());
  }

  protected CompactType(
      Class<T> type, List<TypeInformation<?>> members, SerializerFactory<T> serializer) {
    this.type = type;
    this.members = List.copyOf(members);
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.apply(config);
  }

  @Override
  public String toString() {
    return "CompactType<" + type.getName() + (members.isEmpty() ? "" : members.toString()) + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompactType<?> c && c.type == type && c.members.equals(members);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + members.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof CompactType;
  }
}

package id.pantau.serial;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The fields of a record as its {@link FieldSerializer} writes them, named once in order: write,
 * read and copy all follow that list, so they cannot disagree. Each field's type says how it is
 * written:
 *
 * <ul>
 *   <li>{@code String} null-safe (Flink's {@link StringValue}); {@code long}, {@code int}, {@code
 *       double} as they are; an enum as one byte (0 null, else ordinal + 1); {@code String[]} as
 *       its length (-1 null), then each string, copied as a new array;
 *   <li>{@code Long}, {@code Integer}: a boolean (there or not), then the value;
 *   <li>{@code boolean}: a bit of the flags byte only;
 *   <li>a name ending in {@code ?} ({@code Integer}, {@code Double}, {@code Boolean}): a bit of the
 *       flags byte says it is there, and the value is written only then (a Boolean's value is a
 *       second bit);
 *   <li>a record of its own {@link #nullable} fields, passed to {@link #of}: those, copied deep.
 * </ul>
 *
 * <p>When a field uses a flag, one flags byte comes first, its bits given to those fields in the
 * order named; then the values in that order. A nullable record always starts with that byte, its
 * first bit saying the record is there, and writes only a 0 for null. Reordering the names changes
 * the format: {@code WireFormatTest} pins the bytes of each record.
 */
public final class Fields<T> {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

  /** One field: the flag bits it sets, its value's bytes, reading them back, and its copy. */
  private abstract static class Field {
    final VarHandle h;

    Field(VarHandle h) {
      this.h = h;
    }

    int flags(Object t) {
      return 0;
    }

    abstract void write(Object t, DataOutputView out) throws IOException;

    abstract void read(Object t, int flags, DataInputView in) throws IOException;

    /** Immutable values and primitives are copied as they are. */
    void copy(Object from, Object to) {
      h.set(to, h.get(from));
    }
  }

  private final Class<T> type;
  private final MethodHandle create;
  private final boolean nullable;
  private final List<Field> fields = new ArrayList<>();
  private int nextFlag;

  private Fields(Class<T> type, boolean nullable, String names, Fields<?>[] nested) {
    this.type = type;
    this.nullable = nullable;
    this.nextFlag = nullable ? 2 : 1;
    try {
      this.create = LOOKUP.findConstructor(type, MethodType.methodType(void.class));
      for (String name : names.trim().split("\\s+")) {
        boolean optional = name.endsWith("?");
        String n = optional ? name.substring(0, name.length() - 1) : name;
        java.lang.reflect.Field f = type.getField(n);
        fields.add(field(LOOKUP.unreflectVarHandle(f), f.getType(), optional, nested));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** The public fields of a record named in order; {@code nested}: the records some of them are. */
  public static <T> Fields<T> of(Class<T> type, String names, Fields<?>... nested) {
    return new Fields<>(type, false, names, nested);
  }

  /** The fields of a record that may be null, nested in another. */
  public static <T> Fields<T> nullable(Class<T> type, String names) {
    return new Fields<>(type, true, names, new Fields<?>[0]);
  }

  private boolean flagged() {
    return nextFlag > 1;
  }

  private int flag() {
    if (nextFlag > 0x80) throw new IllegalArgumentException("more than 8 flags do not fit a byte");
    int f = nextFlag;
    nextFlag <<= 1;
    return f;
  }

  private Field field(VarHandle h, Class<?> c, boolean optional, Fields<?>[] nested) {
    if (optional) return optional(h, c);
    if (c == String.class || c == long.class || c == int.class || c == double.class)
      return plain(h, c);
    if (c == boolean.class) return flag(h, flag());
    if (c == Long.class || c == Integer.class) return nullableNumber(h, c == Long.class);
    if (c == String[].class) return strings(h);
    if (c.isEnum()) return enumOf(h, c.getEnumConstants());
    for (Fields<?> n : nested) if (n.type == c && n.nullable) return nested(h, n);
    throw new IllegalArgumentException("no way to write a field of " + c.getName());
  }

  /** A String (null-safe), long, int or double, written as it is. */
  private static Field plain(VarHandle h, Class<?> c) {
    return new Field(h) {
      void write(Object t, DataOutputView out) throws IOException {
        if (c == String.class) StringValue.writeString((String) h.get(t), out);
        else if (c == long.class) out.writeLong((long) h.get(t));
        else if (c == int.class) out.writeInt((int) h.get(t));
        else out.writeDouble((double) h.get(t));
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        if (c == String.class) h.set(t, StringValue.readString(in));
        else if (c == long.class) h.set(t, in.readLong());
        else if (c == int.class) h.set(t, in.readInt());
        else h.set(t, in.readDouble());
      }
    };
  }

  private static Field flag(VarHandle h, int bit) {
    return new Field(h) {
      int flags(Object t) {
        return (boolean) h.get(t) ? bit : 0;
      }

      void write(Object t, DataOutputView out) {}

      void read(Object t, int flags, DataInputView in) {
        h.set(t, (flags & bit) != 0);
      }
    };
  }

  private static Field nullableNumber(VarHandle h, boolean isLong) {
    return new Field(h) {
      void write(Object t, DataOutputView out) throws IOException {
        if (isLong) CompactSerializer.writeNullable((Long) h.get(t), out);
        else CompactSerializer.writeNullable((Integer) h.get(t), out);
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        if (isLong) h.set(t, CompactSerializer.readNullableLong(in));
        else h.set(t, CompactSerializer.readNullableInt(in));
      }
    };
  }

  private static Field strings(VarHandle h) {
    return new Field(h) {
      void write(Object t, DataOutputView out) throws IOException {
        CompactSerializer.writeStrings((String[]) h.get(t), out);
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        h.set(t, CompactSerializer.readStrings(in));
      }

      void copy(Object from, Object to) {
        h.set(to, CompactSerializer.copyStrings((String[]) h.get(from)));
      }
    };
  }

  private static Field enumOf(VarHandle h, Object[] values) {
    return new Field(h) {
      void write(Object t, DataOutputView out) throws IOException {
        CompactSerializer.writeEnum((Enum<?>) h.get(t), out);
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        int i = in.readByte();
        h.set(t, i == 0 ? null : values[i - 1]);
      }
    };
  }

  private static <V> Field nested(VarHandle h, Fields<V> of) {
    return new Field(h) {
      void write(Object t, DataOutputView out) throws IOException {
        of.write(of.type.cast(h.get(t)), out);
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        h.set(t, of.read(in));
      }

      void copy(Object from, Object to) {
        h.set(to, of.copy(of.type.cast(h.get(from))));
      }
    };
  }

  /** An Integer, Double or Boolean that may be null, there by a bit of the flags byte. */
  private Field optional(VarHandle h, Class<?> c) {
    int there = flag();
    if (c == Boolean.class) {
      int value = flag();
      return new Field(h) {
        int flags(Object t) {
          Boolean b = (Boolean) h.get(t);
          return b == null ? 0 : b ? there | value : there;
        }

        void write(Object t, DataOutputView out) {}

        void read(Object t, int flags, DataInputView in) {
          if ((flags & there) != 0) h.set(t, (flags & value) != 0);
        }
      };
    }
    if (c != Integer.class && c != Double.class)
      throw new IllegalArgumentException("an optional field is Integer, Double or Boolean");
    boolean isInt = c == Integer.class;
    return new Field(h) {
      int flags(Object t) {
        return h.get(t) != null ? there : 0;
      }

      void write(Object t, DataOutputView out) throws IOException {
        Object v = h.get(t);
        if (v == null) return;
        if (isInt) out.writeInt((Integer) v);
        else out.writeDouble((Double) v);
      }

      void read(Object t, int flags, DataInputView in) throws IOException {
        if ((flags & there) == 0) return;
        if (isInt) h.set(t, (Integer) in.readInt());
        else h.set(t, (Double) in.readDouble());
      }
    };
  }

  T create() {
    try {
      return type.cast(create.invoke());
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a " + type.getName(), e);
    }
  }

  void write(T t, DataOutputView out) throws IOException {
    if (nullable && t == null) {
      out.writeByte(0);
      return;
    }
    if (flagged()) {
      int flags = nullable ? 1 : 0;
      for (Field f : fields) flags |= f.flags(t);
      out.writeByte(flags);
    }
    for (Field f : fields) f.write(t, out);
  }

  T read(DataInputView in) throws IOException {
    int flags = flagged() ? in.readByte() : 0;
    if (nullable && flags == 0) return null;
    T t = create();
    for (Field f : fields) f.read(t, flags, in);
    return t;
  }

  T copy(T from) {
    if (from == null) return null;
    T t = create();
    for (Field f : fields) f.copy(from, t);
    return t;
  }
}

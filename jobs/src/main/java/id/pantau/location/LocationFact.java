package id.pantau.location;

import id.pantau.events.RosterEntry;
import id.pantau.serial.CompactType;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * What the per-employee location rules read, keyed by NIP: a fix, or what they need of the
 * employee's roster row of a date (its {@code homeRegion}, when given, is the region a WFH fix of
 * that date must be in). Every fix crosses the NIP shuffle as one, so Flink writes it with {@link
 * Serializer} (a tag byte, then the fix or the roster's three strings), not as a POJO holding a
 * whole roster row. Not kept in state.
 */
@TypeInfo(LocationFact.FlinkType.class)
public class LocationFact {
  /** The fix, or null for a roster row. */
  public Fix fix;

  /** A roster row's employee, date (YYYY-MM-DD) and home region (null: the unit's region). */
  public String rosterNip;

  public String rosterDate;
  public String homeRegion;

  public LocationFact() {}

  public static LocationFact of(Fix f) {
    LocationFact x = new LocationFact();
    x.fix = f;
    return x;
  }

  public static LocationFact of(RosterEntry r) {
    LocationFact x = new LocationFact();
    x.rosterNip = r.nip;
    x.rosterDate = r.date;
    x.homeRegion = r.homeRegion;
    return x;
  }

  /** The key: the employee. */
  public static String nip(LocationFact x) {
    return x.fix != null ? x.fix.nip : x.rosterNip;
  }

  /** Flink's type of a location fact: {@link Serializer}. */
  public static final class FlinkType extends TypeInfoFactory<LocationFact> {
    public static final TypeInformation<LocationFact> TYPE =
        new CompactType<>(LocationFact.class, () -> Serializer.INSTANCE);

    @Override
    public TypeInformation<LocationFact> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** A tag byte (1: fix, 0: roster row), then the fix's fields or the roster row's three. */
  public static final class Serializer extends TypeSerializerSingleton<LocationFact> {
    public static final Serializer INSTANCE = new Serializer();

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public LocationFact createInstance() {
      return new LocationFact();
    }

    @Override
    public LocationFact copy(LocationFact from) {
      LocationFact x = new LocationFact();
      x.fix = from.fix == null ? null : FixSerializer.INSTANCE.copy(from.fix);
      x.rosterNip = from.rosterNip;
      x.rosterDate = from.rosterDate;
      x.homeRegion = from.homeRegion;
      return x;
    }

    @Override
    public LocationFact copy(LocationFact from, LocationFact reuse) {
      return copy(from);
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(LocationFact x, DataOutputView out) throws IOException {
      if (x.fix != null) {
        out.writeByte(1);
        FixSerializer.write(x.fix, out);
      } else {
        out.writeByte(0);
        StringValue.writeString(x.rosterNip, out);
        StringValue.writeString(x.rosterDate, out);
        StringValue.writeString(x.homeRegion, out);
      }
    }

    @Override
    public LocationFact deserialize(DataInputView in) throws IOException {
      LocationFact x = new LocationFact();
      if (in.readByte() == 1) {
        x.fix = FixSerializer.read(in);
      } else {
        x.rosterNip = StringValue.readString(in);
        x.rosterDate = StringValue.readString(in);
        x.homeRegion = StringValue.readString(in);
      }
      return x;
    }

    @Override
    public LocationFact deserialize(LocationFact reuse, DataInputView in) throws IOException {
      return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
      serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<LocationFact> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LocationFact> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}

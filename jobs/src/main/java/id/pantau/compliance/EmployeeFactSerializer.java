package id.pantau.compliance;

import id.pantau.serial.CompactSerializer;
import id.pantau.serial.CompactType;
import id.pantau.serial.EventWire;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes an {@link EmployeeFact} by hand: a byte saying which of its three parts are present, then
 * each with every field ({@link EventWire}), so the check-in tracker sees what the PojoSerializer
 * would have given it. Every check-in, ping and roster row crosses the NIP shuffle as one.
 */
public final class EmployeeFactSerializer extends CompactSerializer<EmployeeFact> {
  public static final EmployeeFactSerializer INSTANCE = new EmployeeFactSerializer();

  private static final int ATTENDANCE = 1;
  private static final int PING = 2;
  private static final int ROSTER = 4;

  @Override
  public EmployeeFact createInstance() {
    return new EmployeeFact();
  }

  @Override
  public EmployeeFact copy(EmployeeFact from) {
    EmployeeFact f = new EmployeeFact();
    if (from.attendance != null) f.attendance = EventWire.copy(from.attendance);
    if (from.ping != null) f.ping = EventWire.copy(from.ping);
    if (from.roster != null) f.roster = EventWire.copy(from.roster);
    return f;
  }

  @Override
  public void serialize(EmployeeFact f, DataOutputView out) throws IOException {
    out.writeByte(
        (f.attendance != null ? ATTENDANCE : 0)
            | (f.ping != null ? PING : 0)
            | (f.roster != null ? ROSTER : 0));
    if (f.attendance != null) EventWire.write(f.attendance, out);
    if (f.ping != null) EventWire.write(f.ping, out);
    if (f.roster != null) EventWire.write(f.roster, out);
  }

  @Override
  public EmployeeFact deserialize(DataInputView in) throws IOException {
    int parts = in.readByte();
    EmployeeFact f = new EmployeeFact();
    if ((parts & ATTENDANCE) != 0) f.attendance = EventWire.readAttendance(in);
    if ((parts & PING) != 0) f.ping = EventWire.readPing(in);
    if ((parts & ROSTER) != 0) f.roster = EventWire.readRoster(in);
    return f;
  }

  @Override
  public TypeSerializerSnapshot<EmployeeFact> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format has one version; a change of it gets a new version here. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<EmployeeFact> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Flink's type of an employee fact (named on the class with {@code @TypeInfo}). */
  public static final class Factory extends TypeInfoFactory<EmployeeFact> {
    public static final TypeInformation<EmployeeFact> TYPE =
        new CompactType<>(EmployeeFact.class, () -> INSTANCE);

    @Override
    public TypeInformation<EmployeeFact> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }
}

package id.pantau.daily;

import id.pantau.serial.CompactSerializer;
import id.pantau.serial.CompactType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link DailyFact} in flight by hand, every field: a flags byte (cap given), its seven
 * strings, the time and the three counts, then the cap. The stream type of the daily facts only
 * ({@link #TYPE}): the rollup's {@code pending} state keeps its own (POJO) type, so savepoints are
 * not affected.
 */
public final class DailyFactSerializer extends CompactSerializer<DailyFact> {
  public static final DailyFactSerializer INSTANCE = new DailyFactSerializer();

  public static final TypeInformation<DailyFact> TYPE =
      new CompactType<>(DailyFact.class, () -> INSTANCE);

  private static final int CAP = 1;

  @Override
  public DailyFact createInstance() {
    return new DailyFact();
  }

  @Override
  public DailyFact copy(DailyFact from) {
    DailyFact f = new DailyFact();
    f.kind = from.kind;
    f.unitId = from.unitId;
    f.region = from.region;
    f.timeMs = from.timeMs;
    f.present = from.present;
    f.cap = from.cap;
    f.date = from.date;
    f.window = from.window;
    f.expected = from.expected;
    f.reported = from.reported;
    f.alertId = from.alertId;
    f.timeZone = from.timeZone;
    return f;
  }

  @Override
  public void serialize(DailyFact f, DataOutputView out) throws IOException {
    out.writeByte(f.cap != null ? CAP : 0);
    StringValue.writeString(f.kind, out);
    StringValue.writeString(f.unitId, out);
    StringValue.writeString(f.region, out);
    StringValue.writeString(f.date, out);
    StringValue.writeString(f.window, out);
    StringValue.writeString(f.alertId, out);
    StringValue.writeString(f.timeZone, out);
    out.writeLong(f.timeMs);
    out.writeInt(f.present);
    out.writeInt(f.expected);
    out.writeInt(f.reported);
    if (f.cap != null) out.writeInt(f.cap);
  }

  @Override
  public DailyFact deserialize(DataInputView in) throws IOException {
    int flags = in.readByte();
    DailyFact f = new DailyFact();
    f.kind = StringValue.readString(in);
    f.unitId = StringValue.readString(in);
    f.region = StringValue.readString(in);
    f.date = StringValue.readString(in);
    f.window = StringValue.readString(in);
    f.alertId = StringValue.readString(in);
    f.timeZone = StringValue.readString(in);
    f.timeMs = in.readLong();
    f.present = in.readInt();
    f.expected = in.readInt();
    f.reported = in.readInt();
    if (has(flags, CAP)) f.cap = in.readInt();
    return f;
  }
}

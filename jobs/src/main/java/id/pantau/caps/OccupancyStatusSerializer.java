package id.pantau.caps;

import id.pantau.serial.CompactSerializer;
import id.pantau.serial.CompactType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes an {@link OccupancyStatus} as a flags byte (provisional, and which nullable fields
 * follow), its two strings, the time, the counts, then the nullable fields present.
 */
public final class OccupancyStatusSerializer extends CompactSerializer<OccupancyStatus> {
  public static final OccupancyStatusSerializer INSTANCE = new OccupancyStatusSerializer();

  public static final TypeInformation<OccupancyStatus> TYPE =
      new CompactType<>(OccupancyStatus.class, () -> INSTANCE);

  private static final int PROVISIONAL = 1;
  private static final int CAP = 2;
  private static final int UNSCHEDULED = 4;

  @Override
  public OccupancyStatus createInstance() {
    return new OccupancyStatus();
  }

  @Override
  public OccupancyStatus copy(OccupancyStatus from) {
    OccupancyStatus s = new OccupancyStatus();
    s.unitId = from.unitId;
    s.region = from.region;
    s.timeMs = from.timeMs;
    s.present = from.present;
    s.headcount = from.headcount;
    s.cap = from.cap;
    s.floor = from.floor;
    s.dwellS = from.dwellS;
    s.unscheduled = from.unscheduled;
    s.unscheduledNips = copyStrings(from.unscheduledNips);
    s.provisional = from.provisional;
    return s;
  }

  @Override
  public void serialize(OccupancyStatus s, DataOutputView out) throws IOException {
    out.writeByte(
        (s.provisional ? PROVISIONAL : 0)
            | (s.cap != null ? CAP : 0)
            | (s.unscheduled != null ? UNSCHEDULED : 0));
    StringValue.writeString(s.unitId, out);
    StringValue.writeString(s.region, out);
    out.writeLong(s.timeMs);
    out.writeInt(s.present);
    out.writeInt(s.headcount);
    out.writeInt(s.floor);
    out.writeInt(s.dwellS);
    if (s.cap != null) out.writeInt(s.cap);
    if (s.unscheduled != null) out.writeInt(s.unscheduled);
    writeStrings(s.unscheduledNips, out);
  }

  @Override
  public OccupancyStatus deserialize(DataInputView in) throws IOException {
    int flags = in.readByte();
    OccupancyStatus s = new OccupancyStatus();
    s.provisional = has(flags, PROVISIONAL);
    s.unitId = StringValue.readString(in);
    s.region = StringValue.readString(in);
    s.timeMs = in.readLong();
    s.present = in.readInt();
    s.headcount = in.readInt();
    s.floor = in.readInt();
    s.dwellS = in.readInt();
    if (has(flags, CAP)) s.cap = in.readInt();
    if (has(flags, UNSCHEDULED)) s.unscheduled = in.readInt();
    s.unscheduledNips = readStrings(in);
    return s;
  }
}

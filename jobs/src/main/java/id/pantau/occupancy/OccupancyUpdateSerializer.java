package id.pantau.occupancy;

import id.pantau.serial.CompactSerializer;
import id.pantau.serial.CompactType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes an {@link OccupancyUpdate} as a flags byte (the booleans, and which nullable fields
 * follow), its three strings, the time, the counts, then the nullable fields present.
 */
public final class OccupancyUpdateSerializer extends CompactSerializer<OccupancyUpdate> {
  public static final OccupancyUpdateSerializer INSTANCE = new OccupancyUpdateSerializer();

  public static final TypeInformation<OccupancyUpdate> TYPE =
      new CompactType<>(OccupancyUpdate.class, () -> INSTANCE);

  private static final int ESSENTIAL = 1;
  private static final int EXPOSED = 2;
  private static final int PROVISIONAL = 4;
  private static final int SCHEDULED = 8;
  private static final int UNSCHEDULED = 16;

  @Override
  public OccupancyUpdate createInstance() {
    return new OccupancyUpdate();
  }

  @Override
  public OccupancyUpdate copy(OccupancyUpdate from) {
    OccupancyUpdate o = new OccupancyUpdate();
    o.unitId = from.unitId;
    o.region = from.region;
    o.timeMs = from.timeMs;
    o.present = from.present;
    o.headcount = from.headcount;
    o.timeZone = from.timeZone;
    o.essential = from.essential;
    o.minPresent = from.minPresent;
    o.exposed = from.exposed;
    o.scheduledOffice = from.scheduledOffice;
    o.unscheduled = from.unscheduled;
    o.unscheduledNips = copyStrings(from.unscheduledNips);
    o.provisional = from.provisional;
    return o;
  }

  @Override
  public void serialize(OccupancyUpdate o, DataOutputView out) throws IOException {
    out.writeByte(
        (o.essential ? ESSENTIAL : 0)
            | (o.exposed ? EXPOSED : 0)
            | (o.provisional ? PROVISIONAL : 0)
            | (o.scheduledOffice != null ? SCHEDULED : 0)
            | (o.unscheduled != null ? UNSCHEDULED : 0));
    StringValue.writeString(o.unitId, out);
    StringValue.writeString(o.region, out);
    StringValue.writeString(o.timeZone, out);
    out.writeLong(o.timeMs);
    out.writeInt(o.present);
    out.writeInt(o.headcount);
    out.writeInt(o.minPresent);
    if (o.scheduledOffice != null) out.writeInt(o.scheduledOffice);
    if (o.unscheduled != null) out.writeInt(o.unscheduled);
    writeStrings(o.unscheduledNips, out);
  }

  @Override
  public OccupancyUpdate deserialize(DataInputView in) throws IOException {
    int flags = in.readByte();
    OccupancyUpdate o = new OccupancyUpdate();
    o.essential = has(flags, ESSENTIAL);
    o.exposed = has(flags, EXPOSED);
    o.provisional = has(flags, PROVISIONAL);
    o.unitId = StringValue.readString(in);
    o.region = StringValue.readString(in);
    o.timeZone = StringValue.readString(in);
    o.timeMs = in.readLong();
    o.present = in.readInt();
    o.headcount = in.readInt();
    o.minPresent = in.readInt();
    if (has(flags, SCHEDULED)) o.scheduledOffice = in.readInt();
    if (has(flags, UNSCHEDULED)) o.unscheduled = in.readInt();
    o.unscheduledNips = readStrings(in);
    return o;
  }
}

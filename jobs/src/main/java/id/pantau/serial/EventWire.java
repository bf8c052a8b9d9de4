package id.pantau.serial;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Source;
import id.pantau.events.WorkMode;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Every field of the events that cross the jobs' shuffles, written in a fixed order by hand: what
 * Flink's PojoSerializer writes, without its reflection ({@code Field.get/set}) and per-field null
 * flags. Lossless, so an operator sees the same object it would see with the PojoSerializer; {@code
 * EventWireTest} fails when one of these classes gains a field this does not write. Only for
 * records in flight: state keeps its own serializers, so savepoints are not affected.
 */
public final class EventWire {
  private EventWire() {}

  private static final Action[] ACTIONS = Action.values();
  private static final WorkMode[] MODES = WorkMode.values();
  private static final Source[] SOURCES = Source.values();
  private static final RosterMode[] ROSTER_MODES = RosterMode.values();

  public static void write(AttendanceEvent e, DataOutputView out) throws IOException {
    StringValue.writeString(e.type, out);
    StringValue.writeString(e.eventId, out);
    StringValue.writeString(e.nip, out);
    StringValue.writeString(e.unitId, out);
    writeEnum(e.action, out);
    writeEnum(e.mode, out);
    StringValue.writeString(e.time, out);
    write(e.location, out);
    StringValue.writeString(e.deviceId, out);
    writeEnum(e.source, out);
    writeLong(e.receivedAt, out);
    out.writeLong(e.timeMs);
  }

  public static AttendanceEvent readAttendance(DataInputView in) throws IOException {
    AttendanceEvent e = new AttendanceEvent();
    e.type = StringValue.readString(in);
    e.eventId = StringValue.readString(in);
    e.nip = StringValue.readString(in);
    e.unitId = StringValue.readString(in);
    e.action = readEnum(ACTIONS, in);
    e.mode = readEnum(MODES, in);
    e.time = StringValue.readString(in);
    e.location = readGeoFix(in);
    e.deviceId = StringValue.readString(in);
    e.source = readEnum(SOURCES, in);
    e.receivedAt = readLong(in);
    e.timeMs = in.readLong();
    return e;
  }

  public static AttendanceEvent copy(AttendanceEvent from) {
    AttendanceEvent e = new AttendanceEvent();
    e.type = from.type;
    e.eventId = from.eventId;
    e.nip = from.nip;
    e.unitId = from.unitId;
    e.action = from.action;
    e.mode = from.mode;
    e.time = from.time;
    e.location = copy(from.location);
    e.deviceId = from.deviceId;
    e.source = from.source;
    e.receivedAt = from.receivedAt;
    e.timeMs = from.timeMs;
    return e;
  }

  public static void write(LocationPing p, DataOutputView out) throws IOException {
    StringValue.writeString(p.type, out);
    StringValue.writeString(p.eventId, out);
    StringValue.writeString(p.nip, out);
    StringValue.writeString(p.unitId, out);
    StringValue.writeString(p.time, out);
    write(p.location, out);
    StringValue.writeString(p.deviceId, out);
    writeLong(p.receivedAt, out);
    out.writeLong(p.timeMs);
  }

  public static LocationPing readPing(DataInputView in) throws IOException {
    LocationPing p = new LocationPing();
    p.type = StringValue.readString(in);
    p.eventId = StringValue.readString(in);
    p.nip = StringValue.readString(in);
    p.unitId = StringValue.readString(in);
    p.time = StringValue.readString(in);
    p.location = readGeoFix(in);
    p.deviceId = StringValue.readString(in);
    p.receivedAt = readLong(in);
    p.timeMs = in.readLong();
    return p;
  }

  public static LocationPing copy(LocationPing from) {
    LocationPing p = new LocationPing();
    p.type = from.type;
    p.eventId = from.eventId;
    p.nip = from.nip;
    p.unitId = from.unitId;
    p.time = from.time;
    p.location = copy(from.location);
    p.deviceId = from.deviceId;
    p.receivedAt = from.receivedAt;
    p.timeMs = from.timeMs;
    return p;
  }

  public static void write(RosterEntry r, DataOutputView out) throws IOException {
    StringValue.writeString(r.nip, out);
    StringValue.writeString(r.unitId, out);
    StringValue.writeString(r.date, out);
    writeEnum(r.mode, out);
    StringValue.writeString(r.homeRegion, out);
    StringValue.writeString(r.shiftStart, out);
  }

  public static RosterEntry readRoster(DataInputView in) throws IOException {
    RosterEntry r = new RosterEntry();
    r.nip = StringValue.readString(in);
    r.unitId = StringValue.readString(in);
    r.date = StringValue.readString(in);
    r.mode = readEnum(ROSTER_MODES, in);
    r.homeRegion = StringValue.readString(in);
    r.shiftStart = StringValue.readString(in);
    return r;
  }

  public static RosterEntry copy(RosterEntry from) {
    RosterEntry r = new RosterEntry();
    r.nip = from.nip;
    r.unitId = from.unitId;
    r.date = from.date;
    r.mode = from.mode;
    r.homeRegion = from.homeRegion;
    r.shiftStart = from.shiftStart;
    return r;
  }

  public static void write(DeadLetter d, DataOutputView out) throws IOException {
    StringValue.writeString(d.topic, out);
    out.writeBoolean(d.partition != null);
    if (d.partition != null) out.writeInt(d.partition);
    writeLong(d.offset, out);
    StringValue.writeString(d.key, out);
    StringValue.writeString(d.record, out);
    StringValue.writeString(d.reason, out);
    StringValue.writeString(d.stage, out);
    writeLong(d.at, out);
  }

  public static DeadLetter readDeadLetter(DataInputView in) throws IOException {
    DeadLetter d = new DeadLetter();
    d.topic = StringValue.readString(in);
    d.partition = in.readBoolean() ? in.readInt() : null;
    d.offset = readLong(in);
    d.key = StringValue.readString(in);
    d.record = StringValue.readString(in);
    d.reason = StringValue.readString(in);
    d.stage = StringValue.readString(in);
    d.at = readLong(in);
    return d;
  }

  public static DeadLetter copy(DeadLetter from) {
    DeadLetter d = new DeadLetter();
    d.topic = from.topic;
    d.partition = from.partition;
    d.offset = from.offset;
    d.key = from.key;
    d.record = from.record;
    d.reason = from.reason;
    d.stage = from.stage;
    d.at = from.at;
    return d;
  }

  // A GeoFix: a presence byte (bit 0 the fix, bits 1-4 lat, lon, accuracyM, mock), then the values.
  private static void write(GeoFix g, DataOutputView out) throws IOException {
    if (g == null) {
      out.writeByte(0);
      return;
    }
    int present =
        1
            | (g.lat != null ? 2 : 0)
            | (g.lon != null ? 4 : 0)
            | (g.accuracyM != null ? 8 : 0)
            | (g.mock != null ? (g.mock ? 16 | 32 : 16) : 0);
    out.writeByte(present);
    if (g.lat != null) out.writeDouble(g.lat);
    if (g.lon != null) out.writeDouble(g.lon);
    if (g.accuracyM != null) out.writeDouble(g.accuracyM);
  }

  private static GeoFix readGeoFix(DataInputView in) throws IOException {
    int present = in.readByte();
    if (present == 0) return null;
    GeoFix g = new GeoFix();
    if ((present & 2) != 0) g.lat = in.readDouble();
    if ((present & 4) != 0) g.lon = in.readDouble();
    if ((present & 8) != 0) g.accuracyM = in.readDouble();
    if ((present & 16) != 0) g.mock = (present & 32) != 0;
    return g;
  }

  private static GeoFix copy(GeoFix from) {
    if (from == null) return null;
    GeoFix g = new GeoFix();
    g.lat = from.lat;
    g.lon = from.lon;
    g.accuracyM = from.accuracyM;
    g.mock = from.mock;
    return g;
  }

  private static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
    out.writeByte(e == null ? 0 : e.ordinal() + 1);
  }

  private static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
    int i = in.readByte();
    return i == 0 ? null : values[i - 1];
  }

  private static void writeLong(Long v, DataOutputView out) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) out.writeLong(v);
  }

  private static Long readLong(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}

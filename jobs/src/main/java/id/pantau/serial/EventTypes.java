package id.pantau.serial;

import static id.pantau.serial.CompactSerializer.has;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Source;
import id.pantau.events.WorkMode;
import id.pantau.jobs.Parsed;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The Flink types of the events that cross the jobs' shuffles, as read from Kafka ({@link Parsed})
 * and as validated: every field written in a fixed order by hand, what Flink's PojoSerializer
 * writes without its reflection ({@code Field.get/set}) and per-field null flags. Each event is
 * copied for every operator chained after its source (object reuse is off) and crosses the
 * occupancy shuffle whole. Lossless, so an operator sees the same object it would see with the
 * PojoSerializer; {@code EventTypesTest} fails when one of these classes gains a field this does
 * not write. Stream types only: state that holds these events declares its own type, so savepoints
 * are not affected.
 */
public final class EventTypes {
  private EventTypes() {}

  public static final TypeInformation<AttendanceEvent> ATTENDANCE =
      new CompactType<>(AttendanceEvent.class, () -> AttendanceSerializer.INSTANCE);

  public static final TypeInformation<LocationPing> PING =
      new CompactType<>(LocationPing.class, () -> PingSerializer.INSTANCE);

  public static final TypeInformation<RosterEntry> ROSTER =
      new CompactType<>(RosterEntry.class, () -> RosterSerializer.INSTANCE);

  public static final TypeInformation<Parsed<AttendanceEvent>> PARSED_ATTENDANCE =
      parsed(() -> ParsedAttendanceSerializer.INSTANCE);

  public static final TypeInformation<Parsed<LocationPing>> PARSED_PING =
      parsed(() -> ParsedPingSerializer.INSTANCE);

  private static final Action[] ACTIONS = Action.values();
  private static final WorkMode[] MODES = WorkMode.values();
  private static final Source[] SOURCES = Source.values();
  private static final RosterMode[] ROSTER_MODES = RosterMode.values();

  /** An attendance event, every field. */
  public static final class AttendanceSerializer extends CompactSerializer<AttendanceEvent> {
    public static final AttendanceSerializer INSTANCE = new AttendanceSerializer();

    @Override
    public AttendanceEvent createInstance() {
      return new AttendanceEvent();
    }

    @Override
    public void serialize(AttendanceEvent e, DataOutputView out) throws IOException {
      StringValue.writeString(e.type, out);
      StringValue.writeString(e.eventId, out);
      StringValue.writeString(e.nip, out);
      StringValue.writeString(e.unitId, out);
      writeEnum(e.action, out);
      writeEnum(e.mode, out);
      StringValue.writeString(e.time, out);
      writeGeoFix(e.location, out);
      StringValue.writeString(e.deviceId, out);
      writeEnum(e.source, out);
      writeNullable(e.receivedAt, out);
      out.writeLong(e.timeMs);
    }

    @Override
    public AttendanceEvent deserialize(DataInputView in) throws IOException {
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
      e.receivedAt = readNullableLong(in);
      e.timeMs = in.readLong();
      return e;
    }

    @Override
    public AttendanceEvent copy(AttendanceEvent from) {
      AttendanceEvent e = new AttendanceEvent();
      e.type = from.type;
      e.eventId = from.eventId;
      e.nip = from.nip;
      e.unitId = from.unitId;
      e.action = from.action;
      e.mode = from.mode;
      e.time = from.time;
      e.location = copyGeoFix(from.location);
      e.deviceId = from.deviceId;
      e.source = from.source;
      e.receivedAt = from.receivedAt;
      e.timeMs = from.timeMs;
      return e;
    }
  }

  /** A location ping, every field. */
  public static final class PingSerializer extends CompactSerializer<LocationPing> {
    public static final PingSerializer INSTANCE = new PingSerializer();

    @Override
    public LocationPing createInstance() {
      return new LocationPing();
    }

    @Override
    public void serialize(LocationPing p, DataOutputView out) throws IOException {
      StringValue.writeString(p.type, out);
      StringValue.writeString(p.eventId, out);
      StringValue.writeString(p.nip, out);
      StringValue.writeString(p.unitId, out);
      StringValue.writeString(p.time, out);
      writeGeoFix(p.location, out);
      StringValue.writeString(p.deviceId, out);
      writeNullable(p.receivedAt, out);
      out.writeLong(p.timeMs);
    }

    @Override
    public LocationPing deserialize(DataInputView in) throws IOException {
      LocationPing p = new LocationPing();
      p.type = StringValue.readString(in);
      p.eventId = StringValue.readString(in);
      p.nip = StringValue.readString(in);
      p.unitId = StringValue.readString(in);
      p.time = StringValue.readString(in);
      p.location = readGeoFix(in);
      p.deviceId = StringValue.readString(in);
      p.receivedAt = readNullableLong(in);
      p.timeMs = in.readLong();
      return p;
    }

    @Override
    public LocationPing copy(LocationPing from) {
      LocationPing p = new LocationPing();
      p.type = from.type;
      p.eventId = from.eventId;
      p.nip = from.nip;
      p.unitId = from.unitId;
      p.time = from.time;
      p.location = copyGeoFix(from.location);
      p.deviceId = from.deviceId;
      p.receivedAt = from.receivedAt;
      p.timeMs = from.timeMs;
      return p;
    }
  }

  /** A roster row, every field. */
  public static final class RosterSerializer extends CompactSerializer<RosterEntry> {
    public static final RosterSerializer INSTANCE = new RosterSerializer();

    @Override
    public RosterEntry createInstance() {
      return new RosterEntry();
    }

    @Override
    public void serialize(RosterEntry r, DataOutputView out) throws IOException {
      StringValue.writeString(r.nip, out);
      StringValue.writeString(r.unitId, out);
      StringValue.writeString(r.date, out);
      writeEnum(r.mode, out);
      StringValue.writeString(r.homeRegion, out);
      StringValue.writeString(r.shiftStart, out);
    }

    @Override
    public RosterEntry deserialize(DataInputView in) throws IOException {
      RosterEntry r = new RosterEntry();
      r.nip = StringValue.readString(in);
      r.unitId = StringValue.readString(in);
      r.date = StringValue.readString(in);
      r.mode = readEnum(ROSTER_MODES, in);
      r.homeRegion = StringValue.readString(in);
      r.shiftStart = StringValue.readString(in);
      return r;
    }

    @Override
    public RosterEntry copy(RosterEntry from) {
      RosterEntry r = new RosterEntry();
      r.nip = from.nip;
      r.unitId = from.unitId;
      r.date = from.date;
      r.mode = from.mode;
      r.homeRegion = from.homeRegion;
      r.shiftStart = from.shiftStart;
      return r;
    }
  }

  /** A dead letter, every field. */
  public static final class DeadLetterSerializer extends CompactSerializer<DeadLetter> {
    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();

    @Override
    public DeadLetter createInstance() {
      return new DeadLetter();
    }

    @Override
    public void serialize(DeadLetter d, DataOutputView out) throws IOException {
      StringValue.writeString(d.topic, out);
      writeNullable(d.partition, out);
      writeNullable(d.offset, out);
      StringValue.writeString(d.key, out);
      StringValue.writeString(d.record, out);
      StringValue.writeString(d.reason, out);
      StringValue.writeString(d.stage, out);
      writeNullable(d.at, out);
    }

    @Override
    public DeadLetter deserialize(DataInputView in) throws IOException {
      DeadLetter d = new DeadLetter();
      d.topic = StringValue.readString(in);
      d.partition = readNullableInt(in);
      d.offset = readNullableLong(in);
      d.key = StringValue.readString(in);
      d.record = StringValue.readString(in);
      d.reason = StringValue.readString(in);
      d.stage = StringValue.readString(in);
      d.at = readNullableLong(in);
      return d;
    }

    @Override
    public DeadLetter copy(DeadLetter from) {
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
  }

  /**
   * A record as read: a byte (1: a value, 2: a dead letter, 0: neither), then those. A subclass
   * names the value's serializer.
   */
  public abstract static class ParsedSerializer<T> extends CompactSerializer<Parsed<T>> {
    private static final int VALUE = 1;
    private static final int DEAD_LETTER = 2;
    private final CompactSerializer<T> values;

    protected ParsedSerializer(CompactSerializer<T> values) {
      this.values = values;
    }

    @Override
    public Parsed<T> createInstance() {
      return new Parsed<>();
    }

    @Override
    public void serialize(Parsed<T> p, DataOutputView out) throws IOException {
      out.writeByte((p.value != null ? VALUE : 0) | (p.deadLetter != null ? DEAD_LETTER : 0));
      if (p.value != null) values.serialize(p.value, out);
      if (p.deadLetter != null) DeadLetterSerializer.INSTANCE.serialize(p.deadLetter, out);
    }

    @Override
    public Parsed<T> deserialize(DataInputView in) throws IOException {
      int parts = in.readByte();
      Parsed<T> p = new Parsed<>();
      if (has(parts, VALUE)) p.value = values.deserialize(in);
      if (has(parts, DEAD_LETTER)) p.deadLetter = DeadLetterSerializer.INSTANCE.deserialize(in);
      return p;
    }

    @Override
    public Parsed<T> copy(Parsed<T> from) {
      Parsed<T> p = new Parsed<>();
      if (from.value != null) p.value = values.copy(from.value);
      if (from.deadLetter != null)
        p.deadLetter = DeadLetterSerializer.INSTANCE.copy(from.deadLetter);
      return p;
    }
  }

  /** An attendance record as read: the event or its dead letter. */
  public static final class ParsedAttendanceSerializer extends ParsedSerializer<AttendanceEvent> {
    public static final ParsedAttendanceSerializer INSTANCE = new ParsedAttendanceSerializer();

    public ParsedAttendanceSerializer() {
      super(AttendanceSerializer.INSTANCE);
    }
  }

  /** A location record as read: the ping or its dead letter. */
  public static final class ParsedPingSerializer extends ParsedSerializer<LocationPing> {
    public static final ParsedPingSerializer INSTANCE = new ParsedPingSerializer();

    public ParsedPingSerializer() {
      super(PingSerializer.INSTANCE);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> TypeInformation<Parsed<T>> parsed(
      CompactType.SerializerSupplier<Parsed<T>> serializer) {
    return new CompactType<>((Class) Parsed.class, serializer);
  }

  // A GeoFix: a presence byte (bit 0 the fix, bits 1-4 lat, lon, accuracyM, mock), then the values.
  private static void writeGeoFix(GeoFix g, DataOutputView out) throws IOException {
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
    if (has(present, 2)) g.lat = in.readDouble();
    if (has(present, 4)) g.lon = in.readDouble();
    if (has(present, 8)) g.accuracyM = in.readDouble();
    if (has(present, 16)) g.mock = has(present, 32);
    return g;
  }

  private static GeoFix copyGeoFix(GeoFix from) {
    if (from == null) return null;
    GeoFix g = new GeoFix();
    g.lat = from.lat;
    g.lon = from.lon;
    g.accuracyM = from.accuracyM;
    g.mock = from.mock;
    return g;
  }
}

package id.pantau.serial;

import static id.pantau.serial.CompactSerializer.has;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.jobs.Parsed;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

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

  private static final Fields<GeoFix> GEO_FIX =
      Fields.nullable(GeoFix.class, "lat? lon? accuracyM? mock?");

  /** An attendance event, every field. */
  public static final class AttendanceSerializer extends FieldSerializer<AttendanceEvent> {
    public static final AttendanceSerializer INSTANCE = new AttendanceSerializer();

    private static final Fields<AttendanceEvent> FIELDS =
        Fields.of(
            AttendanceEvent.class,
            "type eventId nip unitId action mode time location deviceId source receivedAt timeMs",
            GEO_FIX);

    @Override
    protected Fields<AttendanceEvent> fields() {
      return FIELDS;
    }
  }

  /** A location ping, every field. */
  public static final class PingSerializer extends FieldSerializer<LocationPing> {
    public static final PingSerializer INSTANCE = new PingSerializer();

    private static final Fields<LocationPing> FIELDS =
        Fields.of(
            LocationPing.class,
            "type eventId nip unitId time location deviceId receivedAt timeMs",
            GEO_FIX);

    @Override
    protected Fields<LocationPing> fields() {
      return FIELDS;
    }
  }

  /** A roster row, every field. */
  public static final class RosterSerializer extends FieldSerializer<RosterEntry> {
    public static final RosterSerializer INSTANCE = new RosterSerializer();

    private static final Fields<RosterEntry> FIELDS =
        Fields.of(RosterEntry.class, "nip unitId date mode homeRegion shiftStart");

    @Override
    protected Fields<RosterEntry> fields() {
      return FIELDS;
    }
  }

  /** A dead letter, every field. */
  public static final class DeadLetterSerializer extends FieldSerializer<DeadLetter> {
    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();

    private static final Fields<DeadLetter> FIELDS =
        Fields.of(DeadLetter.class, "topic partition offset key record reason stage at");

    @Override
    protected Fields<DeadLetter> fields() {
      return FIELDS;
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
}

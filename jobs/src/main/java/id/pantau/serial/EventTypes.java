package id.pantau.serial;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.jobs.Parsed;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The Flink types of the attendance and location streams, as read from Kafka ({@link Parsed}) and
 * as validated: every field by hand ({@link EventWire}). Each event is copied for every operator
 * chained after its source (object reuse is off) and crosses the occupancy shuffle whole; the
 * PojoSerializer did both by reflection. Stream types only: state that holds these events declares
 * its own type, so savepoints are not affected.
 */
public final class EventTypes {
  private EventTypes() {}

  public static final TypeInformation<AttendanceEvent> ATTENDANCE =
      new CompactType<>(AttendanceEvent.class, () -> AttendanceSerializer.INSTANCE);

  public static final TypeInformation<LocationPing> PING =
      new CompactType<>(LocationPing.class, () -> PingSerializer.INSTANCE);

  public static final TypeInformation<RosterEntry> ROSTER =
      new CompactType<>(RosterEntry.class, () -> RosterSerializer.INSTANCE);

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final TypeInformation<Parsed<AttendanceEvent>> PARSED_ATTENDANCE =
      new CompactType<>(
          (Class) Parsed.class, () -> (CompactSerializer) ParsedAttendanceSerializer.INSTANCE);

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final TypeInformation<Parsed<LocationPing>> PARSED_PING =
      new CompactType<>(
          (Class) Parsed.class, () -> (CompactSerializer) ParsedPingSerializer.INSTANCE);

  /** An attendance event, every field. */
  public static final class AttendanceSerializer extends CompactSerializer<AttendanceEvent> {
    public static final AttendanceSerializer INSTANCE = new AttendanceSerializer();

    @Override
    public void serialize(AttendanceEvent e, DataOutputView out) throws IOException {
      EventWire.write(e, out);
    }

    @Override
    public AttendanceEvent deserialize(DataInputView in) throws IOException {
      return EventWire.readAttendance(in);
    }

    @Override
    public AttendanceEvent copy(AttendanceEvent e) {
      return EventWire.copy(e);
    }

    @Override
    public AttendanceEvent createInstance() {
      return new AttendanceEvent();
    }

    @Override
    public TypeSerializerSnapshot<AttendanceEvent> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AttendanceEvent> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A location ping, every field. */
  public static final class PingSerializer extends CompactSerializer<LocationPing> {
    public static final PingSerializer INSTANCE = new PingSerializer();

    @Override
    public void serialize(LocationPing p, DataOutputView out) throws IOException {
      EventWire.write(p, out);
    }

    @Override
    public LocationPing deserialize(DataInputView in) throws IOException {
      return EventWire.readPing(in);
    }

    @Override
    public LocationPing copy(LocationPing p) {
      return EventWire.copy(p);
    }

    @Override
    public LocationPing createInstance() {
      return new LocationPing();
    }

    @Override
    public TypeSerializerSnapshot<LocationPing> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LocationPing> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A roster row, every field. */
  public static final class RosterSerializer extends CompactSerializer<RosterEntry> {
    public static final RosterSerializer INSTANCE = new RosterSerializer();

    @Override
    public void serialize(RosterEntry r, DataOutputView out) throws IOException {
      EventWire.write(r, out);
    }

    @Override
    public RosterEntry deserialize(DataInputView in) throws IOException {
      return EventWire.readRoster(in);
    }

    @Override
    public RosterEntry copy(RosterEntry r) {
      return EventWire.copy(r);
    }

    @Override
    public RosterEntry createInstance() {
      return new RosterEntry();
    }

    @Override
    public TypeSerializerSnapshot<RosterEntry> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RosterEntry> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A byte (1: a value, 2: a dead letter, 0: neither), then that record. */
  abstract static class ParsedSerializer<T> extends CompactSerializer<Parsed<T>> {
    protected abstract void writeValue(T value, DataOutputView out) throws IOException;

    protected abstract T readValue(DataInputView in) throws IOException;

    protected abstract T copyValue(T value);

    @Override
    public void serialize(Parsed<T> p, DataOutputView out) throws IOException {
      out.writeByte((p.value != null ? 1 : 0) | (p.deadLetter != null ? 2 : 0));
      if (p.value != null) writeValue(p.value, out);
      if (p.deadLetter != null) EventWire.write(p.deadLetter, out);
    }

    @Override
    public Parsed<T> deserialize(DataInputView in) throws IOException {
      int parts = in.readByte();
      Parsed<T> p = new Parsed<>();
      if ((parts & 1) != 0) p.value = readValue(in);
      if ((parts & 2) != 0) p.deadLetter = EventWire.readDeadLetter(in);
      return p;
    }

    @Override
    public Parsed<T> copy(Parsed<T> from) {
      Parsed<T> p = new Parsed<>();
      if (from.value != null) p.value = copyValue(from.value);
      if (from.deadLetter != null) p.deadLetter = EventWire.copy(from.deadLetter);
      return p;
    }

    @Override
    public Parsed<T> createInstance() {
      return new Parsed<>();
    }
  }

  /** An attendance record as read: the event or its dead letter. */
  public static final class ParsedAttendanceSerializer extends ParsedSerializer<AttendanceEvent> {
    public static final ParsedAttendanceSerializer INSTANCE = new ParsedAttendanceSerializer();

    @Override
    protected void writeValue(AttendanceEvent e, DataOutputView out) throws IOException {
      EventWire.write(e, out);
    }

    @Override
    protected AttendanceEvent readValue(DataInputView in) throws IOException {
      return EventWire.readAttendance(in);
    }

    @Override
    protected AttendanceEvent copyValue(AttendanceEvent e) {
      return EventWire.copy(e);
    }

    @Override
    public TypeSerializerSnapshot<Parsed<AttendanceEvent>> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot
        extends SimpleTypeSerializerSnapshot<Parsed<AttendanceEvent>> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A location record as read: the ping or its dead letter. */
  public static final class ParsedPingSerializer extends ParsedSerializer<LocationPing> {
    public static final ParsedPingSerializer INSTANCE = new ParsedPingSerializer();

    @Override
    protected void writeValue(LocationPing p, DataOutputView out) throws IOException {
      EventWire.write(p, out);
    }

    @Override
    protected LocationPing readValue(DataInputView in) throws IOException {
      return EventWire.readPing(in);
    }

    @Override
    protected LocationPing copyValue(LocationPing p) {
      return EventWire.copy(p);
    }

    @Override
    public TypeSerializerSnapshot<Parsed<LocationPing>> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The format has one version; a change of it gets a new version here. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Parsed<LocationPing>> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}

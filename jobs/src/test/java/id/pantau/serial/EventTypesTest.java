package id.pantau.serial;

import static id.pantau.serial.SerializerRoundTrip.assertReadsBack;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.jobs.Parsed;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The hand-written serializers of the events in flight lose nothing. */
class EventTypesTest {
  /** The instance fields a POJO serializer would write; EventTypes must write exactly these. */
  static String[] fields(Class<?> c) {
    return Arrays.stream(c.getDeclaredFields())
        .filter(
            f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .map(Field::getName)
        .sorted()
        .toArray(String[]::new);
  }

  @Test
  void theEventsHaveNoFieldTheWireDoesNotWrite() {
    // A new field must be added to its serializer in EventTypes (write, read, copy) and here.
    assertThat(fields(AttendanceEvent.class))
        .containsExactly(
            "action",
            "deviceId",
            "eventId",
            "location",
            "mode",
            "nip",
            "receivedAt",
            "source",
            "time",
            "timeMs",
            "type",
            "unitId");
    assertThat(fields(LocationPing.class))
        .containsExactly(
            "deviceId",
            "eventId",
            "location",
            "nip",
            "receivedAt",
            "time",
            "timeMs",
            "type",
            "unitId");
    assertThat(fields(RosterEntry.class))
        .containsExactly("date", "homeRegion", "mode", "nip", "shiftStart", "unitId");
    assertThat(fields(GeoFix.class)).containsExactly("accuracyM", "lat", "lon", "mock");
    assertThat(fields(DeadLetter.class))
        .containsExactly("at", "key", "offset", "partition", "reason", "record", "stage", "topic");
    assertThat(fields(Parsed.class)).containsExactly("deadLetter", "value");
  }

  @Test
  void anAttendanceEventKeepsEveryField() throws IOException {
    AttendanceEvent e = Samples.attendance();
    AttendanceEvent back = roundTrip(EventTypes.AttendanceSerializer.INSTANCE, e);
    assertThat(back).usingRecursiveComparison().isEqualTo(e);
    AttendanceEvent copy = EventTypes.AttendanceSerializer.INSTANCE.copy(e);
    assertThat(copy).usingRecursiveComparison().isEqualTo(e);
    assertThat(copy.location).isNotSameAs(e.location);
  }

  @Test
  void nullsStayNull() throws IOException {
    AttendanceEvent e = new AttendanceEvent(); // only type and an invalid timeMs
    e.type = null;
    assertReadsBack(EventTypes.AttendanceSerializer.INSTANCE, e);
    AttendanceEvent partial = Samples.attendance();
    partial.location = new GeoFix();
    partial.location.lat = 1.0;
    partial.receivedAt = null;
    assertReadsBack(EventTypes.AttendanceSerializer.INSTANCE, partial);
    partial.location.mock = false;
    assertThat(roundTrip(EventTypes.AttendanceSerializer.INSTANCE, partial).location.mock)
        .isFalse();
  }

  @Test
  void aPingAndARosterRowKeepEveryField() throws IOException {
    assertReadsBack(EventTypes.PingSerializer.INSTANCE, Samples.ping());
    assertReadsBack(EventTypes.RosterSerializer.INSTANCE, Samples.roster());
  }

  @Test
  void anEmployeesFactsKeepEveryFieldAndTheirKind() throws IOException {
    TypeSerializer<OneOf<AttendanceEvent, LocationPing, RosterEntry>> s =
        OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING, EventTypes.ROSTER)
            .createSerializer(new SerializerConfigImpl());
    RosterEntry r = new RosterEntry();
    r.nip = "N1";
    r.mode = RosterMode.WFO;
    LocationPing p = new LocationPing();
    p.nip = "N1";
    for (OneOf<AttendanceEvent, LocationPing, RosterEntry> fact :
        List.of(
            OneOf.<AttendanceEvent, LocationPing, RosterEntry>first(Samples.attendance()),
            OneOf.<AttendanceEvent, LocationPing, RosterEntry>second(p),
            OneOf.<AttendanceEvent, LocationPing, RosterEntry>third(r))) {
      OneOf<AttendanceEvent, LocationPing, RosterEntry> back = roundTrip(s, fact);
      assertThat(back.value()).isInstanceOf(fact.value().getClass());
      assertThat(back).usingRecursiveComparison().isEqualTo(fact);
      assertThat(s.copy(fact).value()).usingRecursiveComparison().isEqualTo(fact.value());
      assertThat(s.copy(fact).value()).isNotSameAs(fact.value());
    }
  }

  @Test
  void aRecordAsReadKeepsItsEventOrItsDeadLetter() throws IOException {
    Parsed<AttendanceEvent> ok = Parsed.ok(Samples.attendance());
    assertReadsBack(EventTypes.ParsedAttendanceSerializer.INSTANCE, ok);
    DeadLetter d =
        DeadLetter.of("pantau.attendance.v1", "{oops", "body: not JSON", "json-decoder", 0);
    d.partition = 3;
    d.offset = 42L;
    d.key = "N1";
    Parsed<LocationPing> dead = Parsed.dead(d);
    Parsed<LocationPing> back = roundTrip(EventTypes.ParsedPingSerializer.INSTANCE, dead);
    assertThat(back).usingRecursiveComparison().isEqualTo(dead);
    assertThat(back.value).isNull();
    DeadLetter bare = new DeadLetter();
    assertThat(roundTrip(EventTypes.ParsedPingSerializer.INSTANCE, Parsed.<LocationPing>dead(bare)))
        .usingRecursiveComparison()
        .isEqualTo(Parsed.dead(bare));
    assertThat(EventTypes.ParsedAttendanceSerializer.INSTANCE.copy(ok).value)
        .usingRecursiveComparison()
        .isEqualTo(ok.value)
        .isNotSameAs(ok.value);
  }

  @Test
  void aSerializersSnapshotNamesItsClassAndRestoresIt() throws IOException {
    TypeSerializerSnapshot<Parsed<LocationPing>> snap =
        EventTypes.ParsedPingSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snap);
    TypeSerializerSnapshot<Parsed<LocationPing>> back =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(back.restoreSerializer()).isEqualTo(EventTypes.ParsedPingSerializer.INSTANCE);
    assertThat(snap.resolveSchemaCompatibility(back).isCompatibleAsIs()).isTrue();
    assertThat(
            EventTypes.PingSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(
                    (TypeSerializerSnapshot)
                        EventTypes.AttendanceSerializer.INSTANCE.snapshotConfiguration())
                .isIncompatible())
        .isTrue();
  }

  @Test
  void unionsOfTheSameKindsAreOneTypeAndOthersAreNot() {
    var facts = OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING, EventTypes.ROSTER);
    assertThat(facts)
        .isEqualTo(OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING, EventTypes.ROSTER))
        .isNotEqualTo(OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING))
        .isNotEqualTo(OneOfType.of(EventTypes.PING, EventTypes.ATTENDANCE, EventTypes.ROSTER));
    assertThat(facts.createSerializer(new SerializerConfigImpl()))
        .isEqualTo(facts.createSerializer(new SerializerConfigImpl()));
  }

  @Test
  void aUnionsSerializerRestoresFromItsSnapshot() {
    TypeSerializer<OneOf<AttendanceEvent, LocationPing, Void>> s =
        OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING)
            .createSerializer(new SerializerConfigImpl());
    TypeSerializerSnapshot<OneOf<AttendanceEvent, LocationPing, Void>> snap =
        s.snapshotConfiguration();
    assertThat(s.snapshotConfiguration().resolveSchemaCompatibility(snap).isCompatibleAsIs())
        .isTrue();
    assertThat(snap.restoreSerializer()).isEqualTo(s);
  }
}

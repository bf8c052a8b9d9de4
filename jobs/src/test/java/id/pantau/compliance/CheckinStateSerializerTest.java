package id.pantau.compliance;

import static id.pantau.compliance.TestCheckins.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import java.util.UUID;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CheckinStateSerializerTest {
  final CheckinStateSerializer serializer = new CheckinStateSerializer();

  /** An office worker's busy day: a roster row, its window, four check-ins and a night crew's. */
  static CheckinState busyDay() {
    CheckinState s = new CheckinState();
    Day day = new Day(wfo(NIP));
    day.windows.add(window(WindowResult.ATTENDANCE, ComplianceStatus.ON_TIME, SEVEN_TEN));
    s.days.add(day);
    RosterEntry crew = crew(NIP, NEXT_DATE, "23:00");
    crew.homeRegion = "kota-tangerang-selatan";
    Day night = new Day(crew);
    night.waitUntilMs = 5_000;
    night.windows.add(window(WindowResult.ATTENDANCE, ComplianceStatus.PENDING, null));
    s.days.add(night);
    for (long t : new long[] {SEVEN_TEN, EIGHT_AM, TWO_PM, EVENING}) {
      s.marks.add(new Mark(UUID.randomUUID().toString(), t, t, false, NEXT_CUTOFF));
    }
    s.marks.add(new Mark("late-upload", EIGHT_AM, TWO_PM, true, NEXT_CUTOFF));
    return s;
  }

  byte[] bytes(CheckinState s) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(s, out);
    return out.getCopyOfBuffer();
  }

  CheckinState read(byte[] bytes) throws Exception {
    return serializer.deserialize(new DataInputDeserializer(bytes));
  }

  /** Every stored field, for comparing two states. */
  static String text(CheckinState s) {
    StringBuilder b = new StringBuilder();
    for (Day d : s.days) {
      RosterEntry r = d.roster;
      b.append(r.nip).append(r.unitId).append(r.date).append(r.mode).append(r.homeRegion);
      b.append(r.shiftStart).append(' ').append(d.waitUntilMs).append('\n');
      for (WindowState w : d.windows) {
        b.append(' ').append(w.window).append(w.unitId).append(w.region).append(w.timeZone);
        b.append(w.status).append(w.checkinAt).append(' ').append(w.windowStartMs).append(' ');
        b.append(w.windowEndMs).append(' ').append(w.decideAtMs).append(' ').append(w.countAtMs);
        b.append(' ').append(w.dropAtMs).append('\n');
      }
    }
    for (Mark m : s.marks) {
      b.append(m.eventId).append(' ').append(m.timeMs).append(' ').append(m.receivedMs);
      b.append(' ').append(m.ping).append(' ').append(m.dropAtMs).append('\n');
    }
    return b.toString();
  }

  @Test
  void aStateReadBackEqualsTheStateWritten() throws Exception {
    CheckinState s = busyDay();
    assertThat(text(read(bytes(s)))).isEqualTo(text(s));
    assertThat(text(read(bytes(new CheckinState())))).isEmpty();
  }

  @Test
  void aCopyIsNotChangedByChangesToTheOriginal() throws Exception {
    CheckinState s = busyDay();
    String before = text(s);
    CheckinState copy = serializer.copy(s);
    s.days.get(0).waitUntilMs = 42;
    s.days.get(0).windows.set(0, window("LOC1", ComplianceStatus.MISSED, null));
    s.days.remove(1);
    s.marks.clear();
    assertThat(text(copy)).isEqualTo(before);
  }

  @Test
  void aBusyDayStaysWellUnderTheStateBudgetPerEmployee() throws Exception {
    // The budget is 1 KiB per employee for all jobs together; this operator keeps under half
    // (most of it the eventIds kept to count a duplicate once).
    assertThat(bytes(busyDay()).length).isLessThanOrEqualTo(512);
  }

  @Test
  void anEmployeeWithoutADateKeepsOnlyTheFacts() throws Exception {
    CheckinState s = new CheckinState();
    s.marks.add(new Mark("e1", SEVEN_TEN, SEVEN_TEN, false, NEXT_CUTOFF));
    assertThat(read(bytes(s)).days).isEmpty();
    assertThat(read(bytes(s)).marks).extracting(m -> m.eventId).containsExactly("e1");
    assertThat(RosterMode.values()).hasSizeLessThan(127); // the mode is one byte
  }
}

package id.pantau.occupancy;

import static id.pantau.occupancy.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live tracker's provisional points: shown on arrival, overwritten by the exact ones. */
class ProvisionalPointsTest {
  final OccupancyTracker tracker =
      new OccupancyTracker(5_000, OccupancyTracker.MAX_CATCH_UP_MS, true);
  KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = harnessOf(tracker);
    harness.processBothWatermarks(new Watermark(SEVEN_AM));
    Unit u = tangerang(10);
    harness.processElement2(new StreamRecord<>(OneOf.first(u), u.effectiveFromMs));
    harness.getOutput().clear();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(AttendanceEvent e) throws Exception {
    harness.processElement1(new StreamRecord<>(e, e.timeMs));
  }

  List<OccupancyUpdate> updates() {
    return harness.extractOutputValues();
  }

  /** The next tick of processing time, when a unit's provisional point goes out. */
  void tick() throws Exception {
    harness.setProcessingTime(harness.getProcessingTime() + OccupancyTracker.SHOW_EVERY_MS);
  }

  OccupancyUpdate last() {
    return updates().get(updates().size() - 1);
  }

  /** The points at a moment (the minute points before it are not what these tests are about). */
  List<OccupancyUpdate> at(long timeMs) {
    return updates().stream().filter(u -> u.timeMs == timeMs).toList();
  }

  @Test
  void showsACheckInAtTheNextTickAtTheSecondItFallsDue() throws Exception {
    send(checkIn("a", SEVEN_TEN + 300));
    assertThat(updates()).isEmpty();

    tick();

    assertThat(updates()).hasSize(1);
    OccupancyUpdate shown = updates().get(0);
    assertThat(shown.provisional).isTrue();
    assertThat(shown.present).isEqualTo(1);
    assertThat(shown.timeMs).isEqualTo(SEVEN_TEN + ONE_SECOND);
  }

  @Test
  void showsABusyUnitsArrivalsOfATickAsOnePointCountingEveryWaitingEvent() throws Exception {
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN + ONE_SECOND));
    send(checkIn("c", SEVEN_TEN + 2 * ONE_SECOND));
    send(checkOut("a", SEVEN_TEN + 3 * ONE_SECOND));
    tick();

    assertThat(updates()).hasSize(1);
    assertThat(last().provisional).isTrue();
    assertThat(last().present).isEqualTo(2);
    assertThat(last().timeMs).isEqualTo(SEVEN_TEN + 3 * ONE_SECOND);

    tick(); // nothing new arrived: nothing to show
    assertThat(updates()).hasSize(1);
  }

  @Test
  void writesTheExactPointAtTheSameSecondWhenTheWatermarkPassesIt() throws Exception {
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("a", SEVEN_TEN)); // a duplicate: shown once, and still decided exactly
    tick();
    harness.processBothWatermarks(new Watermark(SEVEN_TEN + ONE_SECOND));

    List<OccupancyUpdate> all = at(SEVEN_TEN);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).provisional).isTrue();
    OccupancyUpdate exact = all.get(1);
    assertThat(exact.provisional).isFalse();
    assertThat(exact.present).isEqualTo(1);
  }

  @Test
  void overwritesAProvisionalPointEvenWhenTheExactCountDidNotChange() throws Exception {
    // In and out within one second: shown as 1, then 0; the exact count never moves, and the
    // second still gets its exact point.
    send(checkIn("a", SEVEN_TEN + 500));
    tick();
    send(checkOut("a", SEVEN_TEN + 700));
    tick();
    assertThat(at(SEVEN_TEN + ONE_SECOND)).extracting(u -> u.present).containsExactly(1, 0);
    harness.processBothWatermarks(new Watermark(SEVEN_TEN + ONE_SECOND));

    List<OccupancyUpdate> atDue = at(SEVEN_TEN + ONE_SECOND);
    assertThat(atDue).hasSize(3);
    assertThat(atDue.get(2).provisional).isFalse();
    assertThat(atDue.get(2).present).isZero();
  }

  @Test
  void neverShowsASecondWhoseExactPointIsAlreadyOut() throws Exception {
    send(checkIn("a", SEVEN_TEN));
    harness.processBothWatermarks(new Watermark(SEVEN_TEN + ONE_MINUTE));
    int before = updates().size();

    tick();

    assertThat(updates()).hasSize(before);
    assertThat(last().provisional).isFalse();
  }

  @Test
  void aLateEventCorrectsTheExactCountThatTheProvisionalOneBuildsOn() throws Exception {
    send(checkIn("a", SEVEN_TEN + 10 * ONE_SECOND)); // waits
    harness.processBothWatermarks(new Watermark(SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN - ONE_MINUTE)); // late: exact 1 at once
    send(checkIn("c", SEVEN_TEN + 11 * ONE_SECOND)); // waits: exact 1 + a + c = 3
    tick();

    assertThat(last().provisional).isTrue();
    assertThat(last().present).isEqualTo(3);

    harness.processBothWatermarks(new Watermark(SEVEN_TEN + ONE_MINUTE));
    assertThat(last().provisional).isFalse();
    assertThat(last().present).isEqualTo(3);
  }

  @Test
  void dropsWhatWaitedWhenTheDayEnds() throws Exception {
    send(checkIn("a", MIDNIGHT_WIB - ONE_SECOND));
    send(checkIn("b", MIDNIGHT_WIB + ONE_SECOND)); // tomorrow's: counted provisionally as well
    tick();
    assertThat(last().present).isEqualTo(2);

    harness.processBothWatermarks(new Watermark(MIDNIGHT_WIB + ONE_MINUTE));
    assertThat(last().provisional).isFalse();
    assertThat(last().present).isEqualTo(1);
    send(checkIn("c", MIDNIGHT_WIB + 2 * ONE_MINUTE));
    tick();
    assertThat(last().provisional).isTrue();
    assertThat(last().present).isEqualTo(2);
  }

  @Test
  void keepsNothingInMemoryForEventsOfAnUnknownUnit() throws Exception {
    int before = tracker.memoCount();
    for (int i = 0; i < 100; i++) {
      AttendanceEvent e = checkIn("a" + i, SEVEN_TEN);
      e.unitId = "no-such-unit-" + i;
      send(e);
    }
    assertThat(tracker.memoCount()).isEqualTo(before);
  }
}

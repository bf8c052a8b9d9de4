package id.pantau.occupancy;

import static id.pantau.occupancy.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.serial.OneOf;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OccupancyTrackerTest {
  static final long GRACE_MS = 5_000;
  static final long AN_HOUR_OUTAGE = 3_600_000;
  KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = harnessOf(new OccupancyTracker(GRACE_MS));
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void watermark(long t) throws Exception {
    harness.processBothWatermarks(new Watermark(t));
  }

  void unit(Unit u) throws Exception {
    harness.processElement2(new StreamRecord<>(OneOf.first(u), u.effectiveFromMs));
  }

  void send(AttendanceEvent e) throws Exception {
    harness.processElement1(new StreamRecord<>(e, e.timeMs));
  }

  List<OccupancyUpdate> updates() {
    return harness.extractOutputValues();
  }

  OccupancyUpdate last() {
    List<OccupancyUpdate> all = updates();
    return all.get(all.size() - 1);
  }

  List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(OccupancyTracker.DEAD_LETTERS);
    if (side == null) return List.of();
    return side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  @Test
  void countsStaffCheckedInToTheOfficeButNotThoseWorkingFromHome() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN + ONE_SECOND));
    send(checkIn("c", SEVEN_TEN + 2 * ONE_SECOND));
    send(homeCheckIn("d", SEVEN_TEN + 3 * ONE_SECOND));
    send(checkOut("c", SEVEN_TWENTY));
    watermark(SEVEN_THIRTY);

    assertThat(last().present).isEqualTo(2);
    assertThat(last().headcount).isEqualTo(10);
    assertThat(last().share()).isEqualTo(0.2);
  }

  @Test
  void marksPointsExposedFromTheExposuresOwnTimeAndNotBefore() throws Exception {
    watermark(SEVEN_AM);
    Unit u = tangerang(10);
    unit(u);
    send(checkIn("a", SEVEN_AM + ONE_MINUTE));
    watermark(SEVEN_AM + 2 * ONE_MINUTE);
    assertThat(last().exposed).isFalse();

    OneOf<Unit, Exposure, RosterEntry> exposed = OneOf.second(exposure(u.unitId, true, SEVEN_TEN));
    harness.processElement2(new StreamRecord<>(exposed, SEVEN_AM + 2 * ONE_MINUTE));
    watermark(SEVEN_TEN - ONE_MINUTE);
    assertThat(last().exposed).isFalse(); // a change for later waits for its time
    watermark(SEVEN_TEN);
    assertThat(last().exposed).isTrue();

    OneOf<Unit, Exposure, RosterEntry> ended =
        OneOf.second(exposure(u.unitId, false, SEVEN_TWENTY));
    harness.processElement2(new StreamRecord<>(ended, SEVEN_TEN));
    watermark(SEVEN_TWENTY);
    assertThat(last().exposed).isFalse();
  }

  @Test
  void appliesEventsInEventTimeOrderWhateverTheArrivalOrder() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkOut("a", SEVEN_TWENTY));
    send(checkIn("a", SEVEN_TEN));
    watermark(SEVEN_TEN + 30 * ONE_SECOND);
    assertThat(last().present).isEqualTo(1);
    assertThat(last().timeMs).isEqualTo(SEVEN_TEN);

    watermark(SEVEN_THIRTY);
    assertThat(last().present).isZero();
  }

  @Test
  void appliesEventsThatASavepointFromBeforeHeldInTheFormerBuffer() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    // The layout before "due-by-second": nip@time -> mark under the state name "buffered".
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey(tangerang(10).unitId);
    MapState<String, Long> former =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new MapStateDescriptor<>("buffered", Types.STRING, Types.LONG));
    long at = SEVEN_AM + 10 * ONE_SECOND;
    former.put("a@" + at, PresenceMark.of(at, true));

    watermark(SEVEN_AM + ONE_MINUTE);
    assertThat(last().present).isEqualTo(1);
    assertThat(former.isEmpty()).isTrue();
  }

  @Test
  void writesAPointAtEveryMinuteBoundaryWithoutEvents() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_AM + 10 * ONE_SECOND));
    watermark(SEVEN_AM + 3 * ONE_MINUTE);

    List<Long> beats =
        updates().stream()
            .map(u -> u.timeMs)
            .filter(t -> t % ONE_MINUTE == 0 && t > SEVEN_AM)
            .toList();
    assertThat(beats)
        .containsExactly(
            SEVEN_AM + ONE_MINUTE, SEVEN_AM + 2 * ONE_MINUTE, SEVEN_AM + 3 * ONE_MINUTE);
    assertThat(last().present).isEqualTo(1);
  }

  @Test
  void skipsMinutesInsteadOfReplayingThemAfterAWatermarkJump() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    watermark(SEVEN_AM + 10 * 24 * 60 * ONE_MINUTE);
    assertThat(updates()).hasSizeLessThan(5);
  }

  @Test
  void aBoundedReplayWritesEveryMinuteOfAWatermarkJumpWithTheEventsInBetween() throws Exception {
    harness.close();
    harness = harnessOf(new OccupancyTracker(GRACE_MS, Long.MAX_VALUE));
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_AM + 90 * ONE_MINUTE + ONE_SECOND));
    send(checkOut("a", SEVEN_AM + 150 * ONE_MINUTE + ONE_SECOND));
    watermark(SEVEN_AM + 180 * ONE_MINUTE); // three hours at once, as a replay reads them

    List<OccupancyUpdate> beats =
        updates().stream().filter(u -> u.timeMs % ONE_MINUTE == 0 && u.timeMs > SEVEN_AM).toList();
    assertThat(beats).hasSize(180);
    assertThat(beats.get(90).present).as("07:00 + 91 min").isEqualTo(1);
    assertThat(beats.get(89).present).as("07:00 + 90 min").isZero();
    assertThat(beats.get(150).present).as("07:00 + 151 min").isZero();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the next minute only
  }

  @Test
  void correctsAtOnceWhenAnEventArrivesAfterTheWatermark() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    watermark(SEVEN_THIRTY);
    send(checkIn("late-phone", SEVEN_TEN));
    assertThat(last().present).isEqualTo(1);
    assertThat(last().timeMs).isEqualTo(SEVEN_THIRTY);
  }

  @Test
  void countsADuplicateEventOnce() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    AttendanceEvent e = checkIn("a", SEVEN_TEN);
    send(e);
    send(e);
    watermark(SEVEN_TWENTY);
    send(e); // a late duplicate too
    assertThat(last().present).isEqualTo(1);
  }

  @Test
  void dropsForgottenCheckOutsAtLocalMidnight() throws Exception {
    watermark(SEVEN_AM);
    unit(TestEvents.unit(WIT_UNIT, WIT_REGION, "Asia/Jayapura", 5));
    send(TestEvents.checkIn(WIT_UNIT, "a", EVENING_WIT));
    watermark(MIDNIGHT_WIT - ONE_SECOND);
    assertThat(last().present).isEqualTo(1);

    watermark(MIDNIGHT_WIT);
    assertThat(last().present).isZero();
    assertThat(last().timeMs).isEqualTo(MIDNIGHT_WIT);
  }

  @Test
  void ignoresAFactOfAClosedDay() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    watermark(MIDNIGHT_WIB + ONE_MINUTE);
    int before = updates().size();
    send(checkIn("yesterday", SEVEN_TEN));
    assertThat(updates()).hasSize(before);
  }

  @Test
  void reportsAHeadcountChangeAtOnce() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_TEN));
    watermark(SEVEN_TWENTY);
    unit(tangerang(4));
    assertThat(last().headcount).isEqualTo(4);
    assertThat(last().present).isEqualTo(1);
    assertThat(last().share()).isEqualTo(0.25);
  }

  @Test
  void reportsZeroShareForAUnitWithoutStaff() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(0));
    assertThat(last().share()).isZero();
  }

  @Test
  void holdsEventsThatArriveBeforeTheirUnit() throws Exception {
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    assertThat(updates()).isEmpty();
    unit(tangerang(10));
    watermark(SEVEN_TWENTY);
    assertThat(last().present).isEqualTo(1);
    harness.setProcessingTime(GRACE_MS + 1);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void sendsEventsOfAnUnknownUnitToDeadLettersAfterTheGraceAndForgetsThem() throws Exception {
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN));
    harness.setProcessingTime(GRACE_MS);

    assertThat(deadLetters()).hasSize(2);
    assertThat(deadLetters().get(0).reason).startsWith("unitId: unknown unit 'tng-disdukcapil'");
    assertThat(deadLetters().get(0).topic).isEqualTo("pantau.attendance.v1");
    assertThat(deadLetters())
        .extracting(d -> d.at)
        .as("the events' own time")
        .containsOnly(SEVEN_TEN);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void eventsStillWaitingForTheirUnitWhenRestoredWaitAGraceMoreForIt() throws Exception {
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    restoreAfter(AN_HOUR_OUTAGE); // the wait armed before the crash is long due
    assertThat(deadLetters()).isEmpty();
    unit(tangerang(10)); // the restored unit source sends it again
    watermark(SEVEN_TWENTY);
    assertThat(last().present).isEqualTo(1);
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void eventsRestoredWhileWaitingAreDeadLetteredAMinuteAfterTheRestore() throws Exception {
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    restoreAfter(AN_HOUR_OUTAGE);
    assertDeadLetteredAMinuteAfterTheRestore();
  }

  /** The waiting event is a dead letter a minute after the restored run started, not before. */
  void assertDeadLetteredAMinuteAfterTheRestore() throws Exception {
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS - 1);
    assertThat(deadLetters()).isEmpty();
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    assertThat(deadLetters()).hasSize(1);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void anEventReadAgainAfterARestoreWaitsAMinuteForItsUnit() throws Exception {
    watermark(SEVEN_AM);
    restoreAfter(AN_HOUR_OUTAGE);
    send(checkIn("a", SEVEN_TEN)); // read again from the checkpoint's offsets, its unit not yet
    harness.setProcessingTime(AN_HOUR_OUTAGE + GRACE_MS);
    assertThat(deadLetters()).isEmpty();
    unit(tangerang(10)); // the restored unit source sends it again, later than the grace
    watermark(SEVEN_TWENTY);
    assertThat(last().present).isEqualTo(1);
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void anEventOfAnUnknownUnitReadAfterARestoreIsDeadLetteredAMinuteAfterTheRestore()
      throws Exception {
    watermark(SEVEN_AM);
    restoreAfter(AN_HOUR_OUTAGE);
    send(checkIn("a", SEVEN_TEN));
    assertDeadLetteredAMinuteAfterTheRestore();
  }

  @Test
  void inAReplayEventsWaitForTheirUnitWhateverTheClockSays() throws Exception {
    harness.close();
    harness = harnessOf(new OccupancyTracker(UnitWait.UNTIL_INPUT_ENDS, Long.MAX_VALUE, false));
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    harness.setProcessingTime(AN_HOUR_OUTAGE);
    assertThat(deadLetters()).isEmpty();
    unit(tangerang(10));
    watermark(SEVEN_TWENTY);
    assertThat(last().present).isEqualTo(1);
    watermark(Long.MAX_VALUE);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void inAReplayEventsOfAUnitThatNeverCameAreDeadLetteredWhenTheInputEnds() throws Exception {
    harness.close();
    harness = harnessOf(new OccupancyTracker(UnitWait.UNTIL_INPUT_ENDS, Long.MAX_VALUE, false));
    watermark(SEVEN_AM);
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN));
    watermark(EVENING_WIT);
    assertThat(deadLetters()).isEmpty();
    watermark(Long.MAX_VALUE);
    assertThat(deadLetters()).hasSize(2);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  /** Stops the tracker with a snapshot; a new one starts from it after an outage. */
  void restoreAfter(long outageMs) throws Exception {
    long wallMs = harness.getProcessingTime();
    OperatorSubtaskState snapshot = harness.snapshot(1, wallMs);
    harness.close();
    harness = harnessOf(new OccupancyTracker(GRACE_MS), snapshot);
    harness.processBothWatermarks(new Watermark(SEVEN_AM));
    harness.setProcessingTime(wallMs + outageMs);
  }

  @Test
  void keepsOnlyTheUnitAndTheNextMinuteAfterTheDayEnds() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN));
    send(checkOut("b", SEVEN_TWENTY));
    watermark(MIDNIGHT_WIB + ONE_SECOND);

    // unit, present count, current day, next beat: no marks, no buffered events, no pending ones
    assertThat(harness.numKeyedStateEntries()).isEqualTo(4);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(last().present).isZero();
  }

  @Test
  void writesNoPointAtTheFinalWatermarkOfABoundedReplay() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_TEN));
    watermark(Long.MAX_VALUE);
    assertThat(updates()).allSatisfy(u -> assertThat(u.timeMs).isLessThan(Long.MAX_VALUE));
    assertThat(updates()).anySatisfy(u -> assertThat(u.present).isEqualTo(1));
  }

  void roster(String nip, RosterMode mode) throws Exception {
    RosterEntry r = new RosterEntry();
    r.nip = nip;
    r.unitId = UNIT;
    r.date = "2026-11-23";
    r.mode = mode;
    harness.processElement2(new StreamRecord<>(OneOf.third(r), SEVEN_AM));
  }

  @Test
  void namesThoseInTheOfficeWithoutBeingScheduledAsRostersAndPresenceChange() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    roster("a", RosterMode.WFO);
    roster("b", RosterMode.WFH);
    send(checkIn("a", SEVEN_TEN));
    send(checkIn("b", SEVEN_TEN + ONE_SECOND));
    send(checkIn("c", SEVEN_TEN + 2 * ONE_SECOND));
    watermark(SEVEN_TEN + 10 * ONE_SECOND);
    assertThat(last().unscheduledNips).containsExactlyInAnyOrder("b", "c");

    roster("b", RosterMode.PIKET); // a roster change during the day
    send(checkOut("c", SEVEN_TWENTY));
    watermark(SEVEN_TWENTY + ONE_SECOND);
    assertThat(last().unscheduled).isZero();
    assertThat(last().unscheduledNips).isEmpty();

    send(checkIn("c", SEVEN_THIRTY));
    watermark(SEVEN_THIRTY + ONE_SECOND);
    assertThat(last().unscheduledNips).containsExactly("c");

    watermark(MIDNIGHT_WIB + ONE_SECOND);
    assertThat(last().present).isZero();
    assertThat(last().unscheduled).isNull(); // no roster for the new day
  }

  @Test
  void aBoundedReplayEndsWithEveryMinuteOfTheLastDayAndItsMidnight() throws Exception {
    watermark(SEVEN_AM);
    unit(tangerang(10));
    send(checkIn("a", SEVEN_TEN));
    watermark(Long.MAX_VALUE);

    long midnight = at("2026-11-24T00:00:00+07:00");
    List<OccupancyUpdate> beats =
        updates().stream().filter(u -> u.timeMs % ONE_MINUTE == 0 && u.timeMs > SEVEN_AM).toList();
    assertThat(beats).hasSize(17 * 60); // 07:01 … 24:00
    assertThat(beats.get(beats.size() - 2).present).isEqualTo(1); // a forgotten check-out
    assertThat(beats.get(beats.size() - 1).timeMs).isEqualTo(midnight);
    assertThat(beats.get(beats.size() - 1).present).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}

package id.pantau.compliance;

import static id.pantau.compliance.ComplianceStatus.*;
import static id.pantau.compliance.TestCheckins.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.serial.OneOf;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckinTrackerTest {
  static final long GRACE_MS = 5_000;
  static final long AN_HOUR_OUTAGE = 3_600_000;
  KeyedBroadcastOperatorTestHarness<
          String,
          OneOf<AttendanceEvent, LocationPing, RosterEntry>,
          OneOf<Unit, Policy, Void>,
          WindowResult>
      harness;
  long lastWatermark = Long.MIN_VALUE;

  @BeforeEach
  void setUp() throws Exception {
    harness = checkinHarness(new CheckinTracker(GRACE_MS, 0));
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  // --- driving the harness

  void watermark(long t) throws Exception {
    lastWatermark = t;
    bothWatermarks(harness, t);
  }

  void unit(Unit u) throws Exception {
    harness.processBroadcastElement(OneOf.first(u), u.effectiveFromMs);
  }

  void publish(Policy p) throws Exception {
    harness.processBroadcastElement(OneOf.second(p), p.effectiveFromMs);
  }

  void plan(RosterEntry r) throws Exception {
    harness.processElement(OneOf.third(r), Long.MIN_VALUE);
  }

  void send(AttendanceEvent e) throws Exception {
    harness.processElement(OneOf.first(e), e.timeMs);
  }

  void send(LocationPing p) throws Exception {
    harness.processElement(OneOf.second(p), p.timeMs);
  }

  List<WindowResult> results() {
    return harness.extractOutputValues();
  }

  /** The decisions and corrections, without the pending marks. */
  List<WindowResult> decided() {
    return results().stream().filter(r -> r.status != PENDING).toList();
  }

  List<WindowResult> of(String window) {
    return decided().stream().filter(r -> r.window.equals(window)).toList();
  }

  WindowResult last(String nip, String window) {
    List<WindowResult> all =
        results().stream().filter(r -> r.nip.equals(nip) && r.window.equals(window)).toList();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** The results' changes of status, in order, as "previous->status". */
  static void assertTransitions(List<WindowResult> results, String... transitions) {
    assertThat(results)
        .extracting(r -> r.previousStatus + "->" + r.status)
        .containsExactly(transitions);
  }

  List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(CheckinTracker.DEAD_LETTERS);
    if (side == null) return List.of();
    return side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  int keyedStateEntries() {
    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) harness.getOperator();
    return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
  }

  void tangerangDay() throws Exception {
    watermark(SIX_AM);
    unit(tangerang());
  }

  // --- attendance

  @Test
  void expectsACheckInOnceTheRosterIsKnown() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    assertThat(results()).hasSize(1);
    WindowResult r = results().get(0);
    assertThat(r.status).isEqualTo(PENDING);
    assertThat(r.previousStatus).isNull();
    assertThat(r.window).isEqualTo("ATTENDANCE");
    assertThat(r.windowEndMs).isEqualTo(DEADLINE);
    assertThat(r.decideAtMs).isEqualTo(CUTOFF);
    assertThat(r.region).isEqualTo(REGION);
  }

  @Test
  void aCheckInBeforeTheDeadlineIsOnTimeWhenTheWatermarkPassesTheDeadline() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(checkIn(NIP, SEVEN_TEN));
    watermark(DEADLINE - ONE_SECOND);
    assertThat(decided()).isEmpty();

    watermark(DEADLINE);
    assertThat(decided()).hasSize(1);
    WindowResult r = decided().get(0);
    assertThat(r.status).isEqualTo(ON_TIME);
    assertThat(r.previousStatus).isEqualTo(PENDING);
    assertThat(r.checkinAt).isEqualTo(SEVEN_TEN);
    assertThat(r.eventTimeMs).isEqualTo(DEADLINE);
  }

  @Test
  void aCheckInExactlyAtTheDeadlineIsOnTime() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(checkIn(NIP, DEADLINE));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
  }

  @Test
  void aCheckInOneSecondAfterTheDeadlineIsLate() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(checkIn(NIP, ONE_SECOND_LATER));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(LATE);
    assertThat(of("ATTENDANCE").get(0).eventTimeMs).isEqualTo(ONE_SECOND_LATER);
  }

  @Test
  void aLateCheckInIsDecidedWhenTheWatermarkPassesItNotAtTheCutoff() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(checkIn(NIP, EIGHT_AM));
    watermark(EIGHT_AM - ONE_SECOND);
    assertThat(decided()).isEmpty();
    watermark(EIGHT_AM);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(LATE);
  }

  @Test
  void nothingByTheCutoffIsMissedFromTheWatermarkAloneInAnIdlePeriod() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    // No event after the roster: only the wall-clock watermarks of an idle pipeline.
    watermark(CUTOFF - ONE_SECOND);
    assertThat(decided()).isEmpty();
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(MISSED);
    assertThat(of("ATTENDANCE").get(0).eventTimeMs).isEqualTo(CUTOFF);
  }

  @Test
  void aCheckInAfterTheCutoffLeavesItMissed() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(checkIn(NIP, CUTOFF + ONE_SECOND));
    watermark(TWO_PM);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(MISSED);
  }

  @Test
  void aCheckOutIsNotACheckIn() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    send(attendance(UNIT, NIP, Action.CHECK_OUT, SEVEN_TEN));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(MISSED);
  }

  @Test
  void piketChecksInLikeWfoAndLeaveSickAndTravelExpectNothing() throws Exception {
    tangerangDay();
    plan(roster("piket", UNIT, DATE, RosterMode.PIKET));
    plan(roster("leave", UNIT, DATE, RosterMode.LEAVE));
    plan(roster("sick", UNIT, DATE, RosterMode.SICK));
    plan(roster("travel", UNIT, DATE, RosterMode.OFFICIAL_TRAVEL));
    watermark(NEXT_CUTOFF);
    assertThat(results()).extracting(r -> r.nip).containsOnly("piket");
    assertThat(last("piket", "ATTENDANCE").status).isEqualTo(MISSED);
  }

  @Test
  void aDuplicateCheckInCountsOnce() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    AttendanceEvent e = checkIn(NIP, SEVEN_TEN);
    send(e);
    send(e);
    watermark(CUTOFF);
    send(e); // and once more after the decision
    assertThat(decided()).hasSize(1);
    assertThat(decided().get(0).status).isEqualTo(ON_TIME);
  }

  @Test
  void aRegionPolicyMovesTheDeadline() throws Exception {
    tangerangDay();
    Policy later = policy(REGION);
    later.checkinDeadline = "08:00";
    publish(later);
    plan(wfo(NIP));
    send(checkIn(NIP, at("2026-11-23T07:45:00+07:00")));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
    assertThat(of("ATTENDANCE").get(0).windowEndMs).isEqualTo(EIGHT_AM);
  }

  @Test
  void aPolicyChangeForADatePlannedAlreadyMovesItsDeadline() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    Policy later = policy(REGION);
    later.checkinDeadline = "08:00";
    publish(later);
    send(checkIn(NIP, at("2026-11-23T07:45:00+07:00")));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
    assertThat(of("ATTENDANCE").get(0).eventTimeMs).isEqualTo(EIGHT_AM);
  }

  @Test
  void aPendingWindowAPolicyMovedIsToldAgainWithItsNewDeadline() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    assertThat(last(NIP, "ATTENDANCE").windowEndMs).isLessThan(EIGHT_AM);
    Policy later = policy(REGION);
    later.checkinDeadline = "08:00";
    publish(later);
    plan(wfo(NIP)); // the same row again: the date is re-derived under the new policy
    WindowResult moved = last(NIP, "ATTENDANCE");
    assertThat(moved.status).isEqualTo(PENDING);
    assertThat(moved.windowEndMs).isEqualTo(EIGHT_AM);
    int told = results().size();
    plan(wfo(NIP)); // nothing moved this time: nothing to tell
    assertThat(results()).hasSize(told);
  }

  @Test
  void ignoresARosterForADateTooOldToHaveItsFactsReplayed() throws Exception {
    harness.close();
    harness = checkinHarness(new CheckinTracker(GRACE_MS, 36 * 3_600_000L));
    harness.setProcessingTime(at("2026-11-26T10:00:00+07:00"));
    unit(tangerang());
    plan(wfo(NIP)); // 2026-11-23 ended more than 36 hours ago
    plan(roster(NIP, UNIT, "2026-11-25", RosterMode.WFO));
    watermark(at("2026-11-26T00:00:00+07:00"));
    assertThat(results()).extracting(r -> r.date).containsOnly("2026-11-25");
  }

  // --- time zones and days

  @Test
  void theSameLocalDeadlineIsAnEarlierInstantInWitaAndWit() throws Exception {
    watermark(at("2026-11-23T05:00:00+07:00"));
    unit(tangerang());
    unit(makassar());
    unit(jayapura());
    plan(roster("wib", UNIT, DATE, RosterMode.WFO));
    plan(roster("wita", WITA_UNIT, DATE, RosterMode.WFO));
    plan(roster("wit", WIT_UNIT, DATE, RosterMode.WFO));
    send(attendance(UNIT, "wib", Action.CHECK_IN, SEVEN_TEN));
    send(attendance(WITA_UNIT, "wita", Action.CHECK_IN, SEVEN_TWENTY_WITA));
    send(attendance(WIT_UNIT, "wit", Action.CHECK_IN, SEVEN_TWENTY_WIT));

    watermark(DEADLINE_WIT);
    assertThat(decided()).extracting(r -> r.nip).containsExactly("wit");
    watermark(DEADLINE_WITA);
    assertThat(decided()).extracting(r -> r.nip).containsExactly("wit", "wita");
    watermark(DEADLINE);
    assertThat(decided()).extracting(r -> r.nip).containsExactly("wit", "wita", "wib");
    assertThat(decided()).extracting(r -> r.status).containsOnly(ON_TIME);
    assertThat(decided())
        .extracting(r -> r.windowEndMs)
        .containsExactly(DEADLINE_WIT, DEADLINE_WITA, DEADLINE);
  }

  @Test
  void aCheckInOnTimeByTheWibClockIsLateInWit() throws Exception {
    // 07:25 WIB is 09:25 WIT: after the deadline in Jayapura, before its cutoff.
    watermark(at("2026-11-23T05:00:00+07:00"));
    unit(jayapura());
    plan(roster("wit", WIT_UNIT, DATE, RosterMode.WFO));
    send(attendance(WIT_UNIT, "wit", Action.CHECK_IN, at("2026-11-23T07:25:00+07:00")));
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(LATE);
  }

  @Test
  void eachLocalDateIsDecidedOnItsOwn() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    plan(roster(NIP, UNIT, NEXT_DATE, RosterMode.WFO));
    send(checkIn(NIP, SEVEN_TEN));
    send(checkIn(NIP, EVENING)); // the evening before does not count for the next day
    watermark(NEXT_CUTOFF);
    assertThat(of("ATTENDANCE"))
        .extracting(r -> r.date + " " + r.status)
        .containsExactly(DATE + " ON_TIME", NEXT_DATE + " MISSED");
  }

  @Test
  void aCheckInAfterMidnightCountsForTheNewDate() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    plan(roster(NIP, UNIT, NEXT_DATE, RosterMode.WFO));
    send(checkIn(NIP, NEXT_SEVEN_TEN));
    watermark(NEXT_DEADLINE);
    assertThat(of("ATTENDANCE"))
        .extracting(r -> r.date + " " + r.status)
        .containsExactly(DATE + " MISSED", NEXT_DATE + " ON_TIME");
  }

  @Test
  void midnightIsLocalToTheUnit() throws Exception {
    watermark(SIX_AM);
    unit(jayapura());
    plan(roster("wit", WIT_UNIT, DATE, RosterMode.WFO));
    plan(roster("wit", WIT_UNIT, NEXT_DATE, RosterMode.WFO));
    send(attendance(WIT_UNIT, "wit", Action.CHECK_IN, HALF_PAST_MIDNIGHT_WIT));
    watermark(NEXT_CUTOFF_WIT);
    assertThat(of("ATTENDANCE"))
        .extracting(r -> r.date + " " + r.status)
        .containsExactly(DATE + " MISSED", NEXT_DATE + " ON_TIME");
  }

  // --- location windows

  @Test
  void aPingInsideEachWindowIsOnTime() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    assertThat(results()).extracting(r -> r.window).containsExactly("LOC1", "LOC2", "LOC3");
    send(ping(NIP, LOC1_START));
    send(ping(NIP, LOC2_END));
    send(ping(NIP, at("2026-11-23T15:30:00+07:00")));
    watermark(LOC1_END);
    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 ON_TIME");
    watermark(LOC3_END);
    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 ON_TIME", "LOC2 ON_TIME", "LOC3 ON_TIME");
  }

  @Test
  void aPingAfterTheWindowWithinTheAllowedLatenessIsLate() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    send(ping(NIP, LOC1_DECIDED)); // exactly end + 900 s
    watermark(LOC1_DECIDED);
    assertThat(of("LOC1")).extracting(r -> r.status).containsExactly(LATE);
  }

  @Test
  void aPingBeyondTheAllowedLatenessOrBeforeTheWindowIsMissed() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    send(ping(NIP, LOC1_DECIDED + ONE_SECOND));
    send(ping(NIP, LOC2_START - ONE_SECOND));
    watermark(LOC2_DECIDED);
    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 MISSED", "LOC2 MISSED");
  }

  @Test
  void noPingIsMissedOnlyAfterTheWindowEndPlusLateness() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    watermark(LOC1_DECIDED - ONE_SECOND);
    assertThat(decided()).isEmpty();
    watermark(LOC1_DECIDED);
    assertThat(of("LOC1")).extracting(r -> r.status).containsExactly(MISSED);
    watermark(LOC3_DECIDED);
    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 MISSED", "LOC2 MISSED", "LOC3 MISSED");
  }

  @Test
  void anAttendanceCheckInIsNotALocationShare() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    send(checkIn(NIP, EIGHT_AM));
    watermark(LOC1_DECIDED);
    assertThat(of("LOC1")).extracting(r -> r.status).containsExactly(MISSED);
    assertThat(of("ATTENDANCE")).isEmpty();
  }

  // --- late uploads and corrections

  @Test
  void aPingUploadedAfterTheMissedDecisionTurnsItIntoALateUpload() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    watermark(LOC1_DECIDED);
    assertThat(of("LOC1")).extracting(r -> r.status).containsExactly(MISSED);

    watermark(TEN_AM);
    send(uploadedAt(ping(NIP, EIGHT_AM), TEN_AM)); // the phone was offline
    List<WindowResult> loc1 = of("LOC1");
    assertThat(loc1).extracting(r -> r.status).containsExactly(MISSED, LATE_UPLOAD);
    WindowResult correction = loc1.get(1);
    assertThat(correction.previousStatus).isEqualTo(MISSED);
    assertThat(correction.checkinAt).isEqualTo(EIGHT_AM);
    assertThat(correction.receivedAt).isEqualTo(TEN_AM);
    assertThat(correction.eventTimeMs).isEqualTo(TEN_AM);
  }

  @Test
  void aLateUploadIsDecidedTheSameWayWhenItReachesTheJobFirstAsInAReplay() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    send(uploadedAt(ping(NIP, EIGHT_AM), TEN_AM)); // read before the decision, as in a replay
    watermark(TEN_AM);
    assertTransitions(of("LOC1"), "PENDING->MISSED", "MISSED->LATE_UPLOAD");
  }

  @Test
  void aCheckInReceivedInTimeButDelayedInThePipelineCorrectsTheDecision() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    watermark(CUTOFF);
    send(checkIn(NIP, SEVEN_TEN)); // received at 07:10, reached the job after the cutoff
    assertTransitions(of("ATTENDANCE"), "PENDING->MISSED", "MISSED->ON_TIME");
  }

  @Test
  void aCheckInUploadedAfterTheCutoffIsALateUpload() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    watermark(CUTOFF);
    send(uploadedAt(checkIn(NIP, SEVEN_TEN), TWO_PM));
    assertTransitions(of("ATTENDANCE"), "PENDING->MISSED", "MISSED->LATE_UPLOAD");
  }

  // --- roster changes

  @Test
  void leaveBeforeTheDeadlineRemovesTheExpectation() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    watermark(SEVEN_TEN);
    plan(roster(NIP, UNIT, DATE, RosterMode.LEAVE));
    watermark(NEXT_CUTOFF);
    assertTransitions(results(), "null->PENDING", "PENDING->EXCUSED");
  }

  @Test
  void sickAfterAMissedCheckInRetractsIt() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    watermark(CUTOFF);
    plan(roster(NIP, UNIT, DATE, RosterMode.SICK));
    assertTransitions(of("ATTENDANCE"), "PENDING->MISSED", "MISSED->EXCUSED");
  }

  @Test
  void switchingFromOfficeToHomeExpectsLocationSharesInstead() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    watermark(SEVEN_TEN);
    plan(wfh(NIP));
    send(ping(NIP, EIGHT_AM));
    watermark(LOC1_DECIDED);
    assertThat(results())
        .extracting(r -> r.window + " " + r.previousStatus + "->" + r.status)
        .containsExactly(
            "ATTENDANCE null->PENDING",
            "ATTENDANCE PENDING->EXCUSED",
            "LOC1 null->PENDING",
            "LOC2 null->PENDING",
            "LOC3 null->PENDING",
            "LOC1 PENDING->ON_TIME");
  }

  @Test
  void aRosterWithAnUnknownUnitWaitsForTheUnit() throws Exception {
    watermark(SIX_AM);
    plan(wfo(NIP));
    assertThat(results()).isEmpty();
    unit(tangerang());
    send(checkIn(NIP, SEVEN_TEN));
    watermark(DEADLINE);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
    harness.setProcessingTime(GRACE_MS);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aRosterWhoseUnitArrivesDuringTheGraceIsPlannedWithoutFurtherEvents() throws Exception {
    watermark(SIX_AM);
    plan(wfo(NIP));
    unit(tangerang());
    harness.setProcessingTime(GRACE_MS);
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(MISSED);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aRosterOfAnUnknownUnitIsDeadLetteredAfterTheGraceAndForgotten() throws Exception {
    watermark(SIX_AM);
    plan(roster(NIP, "no-such-unit", DATE, RosterMode.WFO));
    harness.setProcessingTime(GRACE_MS);
    assertThat(deadLetters()).hasSize(1);
    assertThat(deadLetters().get(0).reason).startsWith("unitId: unknown unit 'no-such-unit'");
    assertThat(deadLetters().get(0).topic).isEqualTo("pantau.rosters.v1");
    assertThat(deadLetters().get(0).key).isEqualTo(NIP + "@" + DATE);
    assertThat(deadLetters().get(0).at).as("where its date starts first").isEqualTo(DATE_STARTS);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aRosterStillWaitingForItsUnitWhenRestoredWaitsAGraceMoreForIt() throws Exception {
    watermark(SIX_AM);
    plan(wfo(NIP));
    restore();
    harness.setProcessingTime(AN_HOUR_OUTAGE); // the wait armed before the crash is long due
    assertThat(deadLetters()).isEmpty();
    unit(tangerang()); // the restored unit source sends it again
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(MISSED);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aRosterRestoredWhileWaitingIsDeadLetteredAMinuteAfterTheRestore() throws Exception {
    watermark(SIX_AM);
    plan(roster(NIP, "no-such-unit", DATE, RosterMode.WFO));
    restore();
    harness.setProcessingTime(AN_HOUR_OUTAGE); // the restored run starts
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS - 1);
    assertThat(deadLetters()).isEmpty();
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    assertThat(deadLetters()).hasSize(1);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aRosterReadAgainAfterARestoreWaitsAMinuteForItsUnit() throws Exception {
    watermark(SIX_AM);
    restore();
    harness.setProcessingTime(AN_HOUR_OUTAGE); // the restored run starts
    plan(roster(NIP, "no-such-unit", DATE, RosterMode.WFO)); // read again, its unit not yet
    harness.setProcessingTime(AN_HOUR_OUTAGE + GRACE_MS);
    assertThat(deadLetters()).isEmpty();
    harness.setProcessingTime(AN_HOUR_OUTAGE + UnitWait.RESTORED_WAIT_MS);
    assertThat(deadLetters()).hasSize(1);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void inAReplayARosterWaitsForItsUnitHoweverLongTheUnitTopicTakesToRead() throws Exception {
    harness.close();
    harness = checkinHarness(new CheckinTracker(UnitWait.UNTIL_INPUT_ENDS, 0));
    watermark(SIX_AM);
    plan(wfo(NIP));
    // A restored replay under load: the rosters are read again long before the units.
    harness.setProcessingTime(AN_HOUR_OUTAGE);
    assertThat(deadLetters()).isEmpty();
    unit(tangerang());
    send(checkIn(NIP, SEVEN_TEN));
    watermark(Long.MAX_VALUE);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
    assertThat(deadLetters()).isEmpty();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void inAReplayARosterOfAUnitThatNeverCameIsDeadLetteredWhenTheInputEnds() throws Exception {
    harness.close();
    harness = checkinHarness(new CheckinTracker(UnitWait.UNTIL_INPUT_ENDS, 0));
    watermark(SIX_AM);
    plan(roster(NIP, "no-such-unit", DATE, RosterMode.WFO));
    harness.setProcessingTime(AN_HOUR_OUTAGE);
    watermark(NEXT_CUTOFF);
    assertThat(deadLetters()).isEmpty();
    watermark(Long.MAX_VALUE);
    assertThat(deadLetters()).hasSize(1);
    assertThat(keyedStateEntries()).isZero();
  }

  // --- round-the-clock crews (roster rows with a shift start)

  @Test
  void anAfternoonCrewCheckingInAtItsShiftStartIsOnTime() throws Exception {
    tangerangDay();
    plan(crew(NIP, DATE, "15:00"));
    WindowResult pending = results().get(0);
    assertThat(pending.windowEndMs).isEqualTo(AFTERNOON_SHIFT);
    assertThat(pending.decideAtMs).isEqualTo(AFTERNOON_CUTOFF);
    assertThat(pending.countAtMs).as("counted with the office staff").isEqualTo(DEADLINE);

    watermark(CUTOFF);
    assertThat(decided()).as("not judged by the office deadline or cutoff").isEmpty();

    send(checkIn(NIP, AFTERNOON_SHIFT));
    watermark(AFTERNOON_SHIFT);
    assertThat(decided()).extracting(r -> r.status).containsExactly(ON_TIME);
    assertThat(decided().get(0).checkinAt).isEqualTo(AFTERNOON_SHIFT);
    assertThat(decided().get(0).date).isEqualTo(DATE);
  }

  @Test
  void anAfternoonCrewCheckingInAfterItsShiftStartIsLate() throws Exception {
    tangerangDay();
    plan(crew(NIP, DATE, "15:00"));
    send(checkIn(NIP, AFTERNOON_SHIFT + ONE_SECOND));
    watermark(AFTERNOON_CUTOFF);
    assertThat(decided()).extracting(r -> r.status).containsExactly(LATE);
  }

  @Test
  void aNightCrewWithoutACheckInIsMissedAtItsCutoffAfterMidnightOnTheRostersDate()
      throws Exception {
    tangerangDay();
    plan(crew(NIP, DATE, "23:00"));
    watermark(NIGHT_CUTOFF - ONE_SECOND);
    assertThat(decided()).isEmpty();

    watermark(NIGHT_CUTOFF);
    assertThat(decided()).hasSize(1);
    WindowResult r = decided().get(0);
    assertThat(r.status).isEqualTo(MISSED);
    assertThat(r.date).isEqualTo(DATE);
    assertThat(r.windowEndMs).isEqualTo(NIGHT_SHIFT);
    assertThat(r.decideAtMs).isEqualTo(NIGHT_CUTOFF);
    assertThat(r.eventTimeMs).isEqualTo(NIGHT_CUTOFF);
    assertThat(r.dropAtMs).isEqualTo(NEXT_CUTOFF);
  }

  @Test
  void aNightCrewsCheckInAfterMidnightIsLateForItsShiftAndNotOnTimeForTheNextNight()
      throws Exception {
    tangerangDay();
    plan(crew(NIP, DATE, "23:00"));
    plan(crew(NIP, NEXT_DATE, "23:00"));
    send(checkIn(NIP, NIGHT_SHIFT + 90 * ONE_MINUTE)); // 00:30 on the 24th
    watermark(NEXT_NIGHT_SHIFT);
    assertThat(decided()).extracting(r -> r.date + " " + r.status).containsExactly(DATE + " LATE");
  }

  @Test
  void piketWithoutAShiftStartKeepsTheOfficeDeadline() throws Exception {
    tangerangDay();
    plan(roster(NIP, UNIT, DATE, RosterMode.PIKET));
    send(checkIn(NIP, ONE_SECOND_LATER));
    watermark(CUTOFF);
    assertThat(decided()).extracting(r -> r.status).containsExactly(LATE);
    assertThat(decided().get(0).windowEndMs).isEqualTo(DEADLINE);
    assertThat(decided().get(0).decideAtMs).isEqualTo(CUTOFF);
  }

  @Test
  void aNightCrewsDateIsForgottenWithItsTimersOnlyAfterItsCutoff() throws Exception {
    tangerangDay();
    plan(crew(NIP, DATE, "23:00"));
    plan(crew(OTHER_NIP, DATE, "15:00"));
    send(checkIn(OTHER_NIP, AFTERNOON_SHIFT - ONE_MINUTE));
    watermark(NIGHT_CUTOFF);
    assertThat(decided())
        .extracting(r -> r.nip + " " + r.status)
        .containsExactlyInAnyOrder(OTHER_NIP + " ON_TIME", NIP + " MISSED");
    assertThat(keyedStateEntries()).isPositive();

    watermark(NEXT_CUTOFF);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  // --- what a fact or timer touches

  @Test
  void aDateSetsItsTimersOnceAndAFactOutsideEveryWindowAddsNone() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    // The deadline, the cutoff and the drop at the next day's cutoff.
    assertThat(harness.numEventTimeTimers()).isEqualTo(3);
    send(checkIn(NIP, SEVEN_TEN));
    send(attendance(UNIT, NIP, Action.CHECK_OUT, TWO_PM));
    send(checkIn(NIP, TWO_PM + ONE_MINUTE)); // after the cutoff: kept, counts for no window
    assertThat(harness.numEventTimeTimers()).isEqualTo(3);
    send(checkIn(NIP, EIGHT_AM)); // late: decided when the watermark passes it
    assertThat(harness.numEventTimeTimers()).isEqualTo(4);
    assertThat(decided()).isEmpty();
    watermark(CUTOFF);
    assertThat(of("ATTENDANCE")).extracting(r -> r.status).containsExactly(ON_TIME);
  }

  @Test
  void aFactForAnotherWindowLeavesTheOthersUntold() throws Exception {
    tangerangDay();
    plan(wfh(NIP));
    int told = results().size();
    watermark(LOC1_END);
    send(ping(NIP, LOC2_START)); // counts for LOC2 only; LOC1 is still within its lateness
    assertThat(results().subList(told, results().size())).isEmpty();
    watermark(LOC1_DECIDED);
    assertThat(decided()).extracting(r -> r.window + " " + r.status).containsExactly("LOC1 MISSED");
    watermark(LOC2_END);
    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 MISSED", "LOC2 ON_TIME");
  }

  @Test
  void aRestoredTrackerDecidesAsIfItHadNotStopped() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    plan(crew(OTHER_NIP, DATE, "23:00"));
    AttendanceEvent early = checkIn(NIP, SEVEN_TEN);
    send(early);
    restore();
    send(early); // a duplicate still counts once
    send(checkIn(OTHER_NIP, NIGHT_SHIFT + ONE_MINUTE));
    watermark(NIGHT_CUTOFF);
    assertThat(decided())
        .extracting(r -> r.nip + " " + r.previousStatus + "->" + r.status)
        .containsExactly(NIP + " PENDING->ON_TIME", OTHER_NIP + " PENDING->LATE");
    restore();
    watermark(NEXT_CUTOFF);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  /** Stops the tracker with a snapshot and starts a new one from it, at the same moment. */
  void restore() throws Exception {
    long wallMs = harness.getProcessingTime();
    long watermark = lastWatermark;
    OperatorSubtaskState snapshot = harness.snapshot(1, wallMs);
    harness.close();
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new CheckinTracker(GRACE_MS, 0),
                List.of(CheckinTracker.UNITS, CheckinTracker.POLICIES)),
            CheckinTracker::nip,
            Types.STRING,
            1,
            1,
            0);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    harness.setProcessingTime(wallMs);
    watermark(watermark);
  }

  // --- clean-up

  @Test
  void forgetsTheDateAndItsTimersAfterTheNextDaysCutoff() throws Exception {
    tangerangDay();
    plan(wfo(NIP));
    plan(wfh(OTHER_NIP));
    send(checkIn(NIP, SEVEN_TEN));
    send(checkIn(NIP, SEVEN_TEN + ONE_MINUTE));
    send(ping(OTHER_NIP, EIGHT_AM));
    send(ping(OTHER_NIP, LOC1_END + ONE_MINUTE));
    watermark(NEXT_CUTOFF - ONE_SECOND);
    assertThat(keyedStateEntries()).isPositive();

    watermark(NEXT_CUTOFF);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    // A fact of the closed date changes nothing and is not kept.
    int before = results().size();
    send(uploadedAt(checkIn(NIP, SEVEN_TEN), NEXT_CUTOFF));
    plan(roster(NIP, UNIT, DATE, RosterMode.SICK));
    assertThat(results()).hasSize(before);
    assertThat(keyedStateEntries()).isZero();
  }

  @Test
  void forgetsFactsOfStaffWithoutARoster() throws Exception {
    tangerangDay();
    send(checkIn(NIP, SEVEN_TEN));
    send(ping(NIP, EIGHT_AM));
    watermark(NEXT_CUTOFF);
    assertThat(results()).isEmpty();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}

package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.events.Policy;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.occupancy.RosterPlan;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planned breaches from rosters. The occupancy tracker sends a plan for each roster row, so a
 * roster of five WFO rows comes as plans scheduling 1, 2, 3, 4 and 5.
 */
class RosterCheckerTest {
  static final long SETTLE_MS = 2_000;
  static final long WALL_CLOCK = 1_000_000;

  KeyedBroadcastOperatorTestHarness<String, RosterPlan, OneOf<ZoneChange, Policy, Void>, Alert>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = checker(false);
    harness.processWatermark(TEN_AM);
    harness.processBroadcastWatermark(TEN_AM);
  }

  /** A checker live, or in a bounded replay, with the wall clock at {@link #WALL_CLOCK}. */
  static KeyedBroadcastOperatorTestHarness<
          String, RosterPlan, OneOf<ZoneChange, Policy, Void>, Alert>
      checker(boolean bounded) throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new RosterChecker(SETTLE_MS, bounded),
            (RosterPlan p) -> p.unitId,
            Types.STRING,
            RegionRules.ZONES,
            RegionRules.POLICIES);
    h.setProcessingTime(WALL_CLOCK);
    return h;
  }

  /** A bounded replay's checker, before any watermark: the roster topic is still being read. */
  void replay() throws Exception {
    harness.close();
    harness = checker(true);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void broadcast(OneOf<ZoneChange, Policy, Void> r) throws Exception {
    harness.processBroadcastElement(r, effectiveFrom(r));
  }

  /** A roster posted row by row: one plan per row, each scheduling one more in the office. */
  void roster(Unit u, String date, int inOffice) throws Exception {
    for (int n = 1; n <= inOffice; n++) harness.processElement(plan(u, date, n), Long.MIN_VALUE);
  }

  void settle() throws Exception {
    harness.setProcessingTime(harness.getProcessingTime() + SETTLE_MS);
  }

  void watermark(long t) throws Exception {
    bothWatermarks(harness, t);
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  int keyedStateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  /** Nothing of the unit kept: no plan, no timer. */
  void assertNothingLeft() {
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void alertsRosterOverCapOnceWhenTheDaysRosterSchedulesMoreThanTheCap() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));

    roster(dishub(), NEXT_DATE, 5);
    assertThat(alerts()).isEmpty(); // still arriving
    settle();

    Alert a = only(alerts());
    assertThat(a.kind).isEqualTo("ROSTER_OVER_CAP");
    assertThat(a.phase).isEqualTo(Alert.RAISED);
    assertThat(a.unitId).isEqualTo(UNIT);
    assertThat(a.region).isEqualTo(REGION);
    assertThat(a.date).isEqualTo(NEXT_DATE);
    assertThat(a.limit).isEqualTo(HIGH_CAP);
    assertThat(a.scheduled).isEqualTo(5);
    assertThat(a.alertId).isEqualTo("ROSTER_OVER_CAP:" + UNIT + ":" + NEXT_DATE + ":2");
    assertThat(a.message).contains(NEXT_DATE).contains("5 staff").contains("cap is 2");
    assertThat(harness.numProcessingTimeTimers()).isZero();

    // One more row for the same day: still over the same cap, no second alert.
    harness.processElement(plan(dishub(), NEXT_DATE, 6), Long.MIN_VALUE);
    settle();
    broadcast(rule(dwell(REGION, DAY_START, 60))); // an unrelated rule change re-checks it
    assertThat(alerts()).hasSize(1);
  }

  @Test
  void alertsNothingForARosterWithinTheCap() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    roster(dishub(), NEXT_DATE, HIGH_CAP);
    settle();
    assertThat(alerts()).isEmpty();
  }

  @Test
  void alertsAgainWhenAZoneChangeMakesAnAcceptedRosterBreakTheNewCap() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.MEDIUM, DAY_START)));
    roster(dishub(), NEXT_DATE, 3);
    settle();
    assertThat(alerts()).isEmpty(); // 3 of a cap of 4: accepted

    // HIGH from noon tomorrow: the lowest cap of that day is 2.
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, MIDNIGHT_WIB + 12 * ONE_HOUR)));

    Alert a = only(alerts());
    assertThat(a.kind).isEqualTo("ROSTER_OVER_CAP");
    assertThat(a.date).isEqualTo(NEXT_DATE);
    assertThat(a.limit).isEqualTo(HIGH_CAP);
    assertThat(a.scheduled).isEqualTo(3);

    // A policy that lowers HIGH further alerts again, with the new cap.
    broadcast(rule(highCap(REGION, MIDNIGHT_WIB, 10))); // 10 % of 8
    assertThat(alerts()).hasSize(2);
    assertThat(alerts().get(1).limit).isZero();
  }

  @Test
  void ignoresAZoneChangeInAnotherRegionOrAfterTheDay() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.MEDIUM, DAY_START)));
    roster(dishub(), NEXT_DATE, 3);
    settle();

    broadcast(rule(zone(WIT_REGION, ZoneLevel.HIGH, DAY_START)));
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, NEXT_MIDNIGHT_WIB)));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void alertsRosterUnderFloorForAnEssentialUnit() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));

    roster(wibEssential(), NEXT_DATE, FLOOR - 1);
    settle();

    Alert a = only(alerts());
    assertThat(a.kind).isEqualTo("ROSTER_UNDER_FLOOR");
    assertThat(a.unitId).isEqualTo(WIB_ESSENTIAL);
    assertThat(a.limit).isEqualTo(FLOOR);
    assertThat(a.scheduled).isEqualTo(FLOOR - 1);
    assertThat(a.date).isEqualTo(NEXT_DATE);
  }

  @Test
  void alertsNoFloorForARosterStillBeingPostedThatEndsAtTheFloor() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));
    roster(wibEssential(), NEXT_DATE, FLOOR); // its first row alone would be under the floor
    settle();
    assertThat(alerts()).isEmpty();
  }

  @Test
  void alertsNoFloorForAUnitThatIsNotEssential() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));
    harness.processElement(plan(dishub(), NEXT_DATE, 0), Long.MIN_VALUE);
    settle();
    assertThat(alerts()).isEmpty();
  }

  @Test
  void alertsOnceTheZoneIsKnownForARosterThatArrivedBeforeIt() throws Exception {
    roster(dishub(), NEXT_DATE, 5);
    settle();
    assertThat(alerts()).isEmpty(); // no cap without a zone

    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    assertThat(only(alerts()).limit).isEqualTo(HIGH_CAP);
  }

  @Test
  void removesThePlanStateAfterTheDay() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    roster(dishub(), DATE, 1);
    roster(dishub(), NEXT_DATE, 1);
    settle();
    assertThat(keyedStateEntries()).isEqualTo(1); // the unit's plans
    assertThat(harness.numEventTimeTimers()).isEqualTo(2); // the end of each day

    watermark(MIDNIGHT_WIB);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    assertThat(keyedStateEntries()).isEqualTo(1); // tomorrow's plan stays

    watermark(NEXT_MIDNIGHT_WIB);
    assertNothingLeft();
  }

  @Test
  void dropsARosterStillArrivingWhenItsDayEnds() throws Exception {
    roster(dishub(), DATE, 3);
    watermark(MIDNIGHT_WIB);

    assertNothingLeft();
  }

  @Test
  void ignoresARosterOfADayAlreadyOver() throws Exception {
    // The compacted roster topic is read from its start again on a fresh start.
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    watermark(TOMORROW_TEN_AM);

    roster(dishub(), DATE, 5);
    settle();

    assertThat(alerts()).isEmpty();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void usesTheExposedCapForAUnitWithACaseOnThatDay() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));
    RosterPlan p = plan(unit("tng-dinkes", REGION, "Asia/Jakarta", 40), NEXT_DATE, 3);
    p.exposed = true;
    harness.processElement(p, Long.MIN_VALUE);
    settle();

    assertThat(only(alerts()).limit).isEqualTo(2);
  }

  @Test
  void inAReplayARosterStalledMidReadIsCheckedWholeAtTheLastMomentOfItsDate() throws Exception {
    replay();
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));
    roster(wibEssential(), NEXT_DATE, FLOOR - 1);
    harness.setProcessingTime(WALL_CLOCK + 60 * SETTLE_MS); // the roster source stalls
    watermark(TEN_AM);

    assertThat(alerts()).isEmpty();
    roster(wibEssential(), NEXT_DATE, FLOOR); // the rest of the roster: at the floor
    watermark(NEXT_MIDNIGHT_WIB - 1);

    assertThat(alerts()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    watermark(NEXT_MIDNIGHT_WIB);
    assertNothingLeft();
  }

  @Test
  void inAReplayARosterUnderTheFloorAlertsAtTheLastMomentOfItsDate() throws Exception {
    replay();
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));
    roster(wibEssential(), NEXT_DATE, FLOOR - 1);
    watermark(TOMORROW_TEN_AM);
    assertThat(alerts()).isEmpty();

    watermark(NEXT_MIDNIGHT_WIB - 1);

    assertThat(only(alerts()).kind).isEqualTo("ROSTER_UNDER_FLOOR");
    watermark(NEXT_MIDNIGHT_WIB);
    assertNothingLeft();
  }

  @Test
  void inAReplayAZoneChangeReadAfterTheRosterAlertsOnlyTheDaysLowestCap() throws Exception {
    // Live, MEDIUM alone would alert a cap of 4 first; a replay knows the whole day's rules.
    replay();
    broadcast(rule(zone(REGION, ZoneLevel.MEDIUM, DAY_START)));
    roster(dishub(), NEXT_DATE, MEDIUM_CAP + 1);
    watermark(TOMORROW_TEN_AM);
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, MIDNIGHT_WIB + 12 * ONE_HOUR)));

    watermark(Long.MAX_VALUE);

    Alert a = only(alerts());
    assertThat(a.kind).isEqualTo("ROSTER_OVER_CAP");
    assertThat(a.limit).isEqualTo(HIGH_CAP);
    assertNothingLeft();
  }
}

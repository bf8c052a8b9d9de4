package id.pantau.daily;

import static id.pantau.daily.TestDaily.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pantau.caps.OccupancyStatus;
import id.pantau.compliance.ComplianceCount;
import id.pantau.events.Alert;
import id.pantau.events.Unit;
import id.pantau.fixtures.KeyedHarnessTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyRollupsTest extends KeyedHarnessTest<DailyFact, DailyRollup> {
  DailyRollupsTest() {
    super(() -> new DailyRollups(GRACE, TICK), f -> f.unitId);
  }

  void send(Unit u) throws Exception {
    harness.processElement(DailyFact.of(u), u.effectiveFromMs);
  }

  void send(OccupancyStatus s) throws Exception {
    harness.processElement(DailyFact.of(s), s.timeMs);
  }

  void send(ComplianceCount c, long atMs) throws Exception {
    harness.processElement(DailyFact.of(c), atMs);
  }

  void send(Alert a, long atMs) throws Exception {
    harness.processElement(DailyFact.of(a), atMs);
  }

  List<DailyRollup> out() {
    return harness.extractOutputValues();
  }

  List<DailyRollup> finals() {
    return out().stream().filter(r -> !r.provisional).toList();
  }

  DailyRollup finalOf(String unitId, String date) {
    List<DailyRollup> f =
        finals().stream().filter(r -> r.unitId.equals(unitId) && r.date.equals(date)).toList();
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  /** Tangerang's date once event time passed its close: the final rollup. */
  DailyRollup closedDay() throws Exception {
    harness.processWatermark(CLOSE);
    return finalOf(UNIT, DATE);
  }

  @Test
  void meanPresentIsTimeWeighted() throws Exception {
    send(tangerang());
    send(status(DAY_START, 0));
    send(status(SIX_AM, 48));
    send(status(NOON, 0));
    DailyRollup r = closedDay();
    // 48 present for 6 of 24 hours; the mean of the three points would be 16
    assertThat(r.meanPresent).isCloseTo(12.0, within(1e-9));
    assertThat(r.peakPresent).isEqualTo(48);
    assertThat(r.dayStartMs).isEqualTo(DAY_START);
    assertThat(r.asOfMs).isEqualTo(MIDNIGHT_WIB);
    assertThat(r.region).isEqualTo(REGION);
  }

  @Test
  void meanPresentDuringTheDayRunsToTheTick() throws Exception {
    send(tangerang());
    send(status(DAY_START, 0));
    harness.processWatermark(SIX_AM - 1);
    assertThat(out()).extracting(r -> r.asOfMs).containsExactly(DAY_START + TICK);
    send(status(SIX_AM, 48));
    harness.processWatermark(NOON);

    DailyRollup r = out().get(out().size() - 1);
    assertThat(r.provisional).isTrue();
    assertThat(r.asOfMs).isEqualTo(SIX_AM + TICK);
    // 48 for the last quarter hour of 6 h 15 min
    assertThat(r.meanPresent).isCloseTo(48 * 0.25 / 6.25, within(1e-9));
  }

  @Test
  void minutesOverCapCountsOnlyTimeAboveTheCap() throws Exception {
    send(tangerang());
    send(status(UNIT, EIGHT_AM, 10, 10)); // at the cap: not over
    send(status(UNIT, NINE_AM, 11, 10));
    send(status(UNIT, HALF_NINE, 12, 10));
    send(status(UNIT, TEN_AM, 9, 10));
    send(status(UNIT, ELEVEN_AM, 30, null)); // no zone level: no cap to be over
    send(status(UNIT, NOON, 12, 20));
    DailyRollup r = closedDay();
    assertThat(r.minutesOverCap).isEqualTo(60.0);
    assertThat(r.peakPresent).isEqualTo(30);
  }

  @Test
  void closesTheDayAtLocalMidnightInWit() throws Exception {
    send(jayapura());
    send(status(WIT_UNIT, HALF_ELEVEN_PM_WIT, 7, 20));
    send(status(WIT_UNIT, HALF_PAST_MIDNIGHT_WIT, 30, 20)); // the 24th in Jayapura
    harness.processWatermark(MIDNIGHT_WIT + GRACE - 1);
    assertThat(finals()).isEmpty();

    harness.processWatermark(MIDNIGHT_WIT + GRACE);
    DailyRollup r = finalOf(WIT_UNIT, DATE);
    assertThat(r.dayStartMs).isEqualTo(DAY_START_WIT);
    assertThat(r.region).isEqualTo(WIT_REGION);
    assertThat(r.peakPresent).isEqualTo(7);
    assertThat(r.meanPresent).isEqualTo(7.0);
    assertThat(r.minutesOverCap).isZero();
    assertThat(finals()).hasSize(1);
  }

  @Test
  void holdsTheLastStatusAcrossMidnight() throws Exception {
    send(tangerang());
    send(status(UNIT, TEN_PM, 5, 2));
    send(status(UNIT, TWO_AM, 0, 2));
    harness.processWatermark(NEXT_MIDNIGHT_WIB + GRACE);

    DailyRollup first = finalOf(UNIT, DATE);
    assertThat(first.meanPresent).isEqualTo(5.0);
    assertThat(first.minutesOverCap).isEqualTo(120.0);
    DailyRollup next = finalOf(UNIT, NEXT_DATE);
    assertThat(next.dayStartMs).isEqualTo(MIDNIGHT_WIB);
    assertThat(next.peakPresent).isEqualTo(5);
    assertThat(next.meanPresent).isCloseTo(5 * 2 / 24.0, within(1e-9));
    assertThat(next.minutesOverCap).isEqualTo(120.0);
  }

  @Test
  void ratesComeFromTheLatestCountOfEachWindow() throws Exception {
    send(tangerang());
    send(count("ATTENDANCE", 4, 2, 1, EIGHT_AM), EIGHT_AM);
    send(count("LOC1", 2, 2, 0, NINE_AM), NINE_AM);
    send(count("LOC2", 2, 0, 1, NOON), NOON);
    harness.processWatermark(NOON);
    DailyRollup during = out().get(out().size() - 1);
    assertThat(during.attendanceRate).isEqualTo(0.75);
    assertThat(during.wfhCompliance).isEqualTo(0.75);
    assertThat(during.peakPresent).isNull();

    send(count("LOC2", 2, 1, 1, NOON), TEN_PM); // a late upload corrects LOC2
    DailyRollup r = closedDay();
    assertThat(r.attendanceRate).isEqualTo(0.75);
    assertThat(r.wfhCompliance).isEqualTo(1.0);
    // the counts behind the rates, so a week's rate is a ratio of sums
    assertThat(new int[] {r.attendanceExpected, r.attendanceReported}).containsExactly(4, 3);
    assertThat(new int[] {r.wfhExpected, r.wfhReported}).containsExactly(4, 4);
  }

  @Test
  void leavesARateOutWhenNobodyIsExpected() throws Exception {
    send(tangerang());
    send(count("ATTENDANCE", 0, 0, 0, EIGHT_AM), EIGHT_AM);
    send(count("LOC1", 3, 1, 0, NINE_AM), NINE_AM);
    DailyRollup r = closedDay();
    assertThat(r.attendanceRate).isNull();
    assertThat(r.attendanceExpected).isNull();
    assertThat(r.wfhCompliance).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(r.wfhExpected).isEqualTo(3);
  }

  @Test
  void countsABreachOpenAndCloseAsOneAlert() throws Exception {
    send(tangerang());
    send(breach(Alert.OPEN, TEN_TO_MIDNIGHT), TEN_TO_MIDNIGHT);
    send(breach(Alert.CLOSE, TEN_TO_MIDNIGHT), TWENTY_PAST_MIDNIGHT); // after midnight
    send(compliance(Alert.RAISED, "a"), NOON);
    send(compliance("CORRECTED", "a"), TEN_PM);
    send(compliance(Alert.RAISED, "b"), NOON);
    harness.processWatermark(NEXT_MIDNIGHT_WIB + GRACE);

    assertThat(finalOf(UNIT, DATE).alerts).isEqualTo(3);
    assertThat(finalOf(UNIT, DATE).breaches).isEqualTo(1); // the compliance alerts are no breach
    assertThat(finals()).hasSize(1); // nothing counted on the 24th
  }

  @Test
  void emitsProvisionalPointsAtMostEveryQuarterHour() throws Exception {
    send(tangerang());
    for (long t = EIGHT_AM; t <= NINE_AM; t += ONE_MINUTE) {
      send(status(t, (int) ((t - EIGHT_AM) / ONE_MINUTE)));
      harness.processWatermark(t);
    }
    assertThat(out()).allMatch(r -> r.provisional);
    assertThat(out())
        .extracting(r -> r.asOfMs)
        .containsExactly(EIGHT_AM + TICK, EIGHT_AM + 2 * TICK, EIGHT_AM + 3 * TICK, NINE_AM);
    assertThat(out().get(0).peakPresent).isEqualTo(15);
    assertThat(out().get(3).peakPresent).isEqualTo(60);
  }

  @Test
  void waitsForTheUnitsTimeZone() throws Exception {
    send(status(UNIT, HALF_PAST_MIDNIGHT_WIT, 3, 20)); // 22:30 on the 23rd in Tangerang
    send(breach(Alert.OPEN, HALF_PAST_MIDNIGHT_WIT), HALF_PAST_MIDNIGHT_WIT);
    assertThat(harness.numEventTimeTimers()).isZero();
    send(tangerang());
    DailyRollup r = closedDay();
    assertThat(r.peakPresent).isEqualTo(3);
    assertThat(r.alerts).isEqualTo(1);
  }

  @Test
  void dropsTheDayAfterItsFinalPoint() throws Exception {
    send(tangerang());
    send(status(EIGHT_AM, 4));
    send(count("ATTENDANCE", 4, 4, 0, EIGHT_AM), EIGHT_AM);
    send(breach(Alert.OPEN, NINE_AM), NINE_AM);
    harness.processWatermark(CLOSE - 1);
    assertThat(finals()).isEmpty();

    harness.processWatermark(CLOSE);
    assertThat(finals()).hasSize(1);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the unit: zone and last status
    assertThat(harness.numEventTimeTimers()).isZero();

    // a correction after the final point changes nothing
    int before = out().size();
    send(count("ATTENDANCE", 4, 3, 0, EIGHT_AM), CLOSE + ONE_MINUTE);
    send(breach(Alert.OPEN, TEN_AM), CLOSE + ONE_MINUTE);
    harness.processWatermark(CLOSE + ONE_HOUR);
    assertThat(out()).hasSize(before);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void keepsUnitsApart() throws Exception {
    send(tangerang());
    send(jayapura());
    send(status(UNIT, NOON, 9, 20));
    send(status(WIT_UNIT, NOON, 2, 20));
    harness.processWatermark(NEXT_MIDNIGHT_WIB + GRACE);
    assertThat(finalOf(UNIT, DATE).peakPresent).isEqualTo(9);
    assertThat(finalOf(WIT_UNIT, DATE).peakPresent).isEqualTo(2);
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}

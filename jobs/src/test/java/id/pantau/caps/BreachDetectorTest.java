package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.fixtures.KeyedHarnessTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Breaches open after the dwell and close with their duration. Statuses come as the cap calculator
 * sends them: in event-time order per unit, each before the watermark that passes it.
 */
class BreachDetectorTest extends KeyedHarnessTest<OccupancyStatus, Breach> {
  BreachDetectorTest() {
    super(BreachDetector::new, s -> s.unitId);
  }

  void send(OccupancyStatus s) throws Exception {
    harness.processElement(s, s.timeMs);
  }

  void watermark(long t) throws Exception {
    harness.processWatermark(t);
  }

  List<Breach> breaches() {
    return harness.extractOutputValues();
  }

  void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void opensBreachWhenPresenceStaysOverCapForDwellTime() throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    watermark(ELEVEN_AM);
    send(overCapStatus(ELEVEN_AM + ONE_MINUTE, 4));
    watermark(FOUR_MINUTES_LATER);
    assertThat(breaches()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    watermark(FIVE_MINUTES_LATER);

    assertThat(breaches()).hasSize(1);
    Breach b = breaches().get(0);
    assertThat(b.kind).isEqualTo(Breach.OVER_CAP);
    assertThat(b.open).isTrue();
    assertThat(b.unitId).isEqualTo(UNIT);
    assertThat(b.region).isEqualTo(REGION);
    assertThat(b.startedAtMs).isEqualTo(ELEVEN_AM);
    assertThat(b.endedAtMs).isNull();
    assertThat(b.durationS).isEqualTo(300);
    assertThat(b.limit).isEqualTo(HIGH_CAP);
    assertThat(b.present).isEqualTo(4);
    assertThat(b.worst).isEqualTo(4);
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the open breach
  }

  static Stream<Named<OccupancyStatus>> statusesThatOpenNoBreach() {
    OccupancyStatus shown = overCapStatus(ELEVEN_AM, 4);
    shown.provisional = true;
    return Stream.of(
        Named.of("a provisional point over the cap, which the exact one overwrites", shown),
        Named.of("a point exactly at the cap", overCapStatus(ELEVEN_AM, HIGH_CAP)));
  }

  @ParameterizedTest(name = "opens no breach for {0}")
  @MethodSource("statusesThatOpenNoBreach")
  void opensNoBreachFor(OccupancyStatus status) throws Exception {
    send(status);
    watermark(NOON);

    assertThat(breaches()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void closesAnOpenBreachWithItsDurationWhenPresenceDropsToTheCap() throws Exception {
    send(overCapStatus(ELEVEN_AM, 4));
    watermark(FIVE_MINUTES_LATER);
    send(overCapStatus(NOON, 3));
    watermark(NOON);

    send(overCapStatus(ONE_PM, 2));

    assertThat(breaches()).hasSize(2);
    Breach closed = breaches().get(1);
    assertThat(closed.open).isFalse();
    assertThat(closed.startedAtMs).isEqualTo(ELEVEN_AM);
    assertThat(closed.endedAtMs).isEqualTo(ONE_PM);
    assertThat(closed.durationS).isEqualTo(2 * 3600);
    assertThat(closed.present).isEqualTo(2); // what ended it
    assertThat(closed.worst).isEqualTo(4); // the most it was over
    assertNothingLeft();
  }

  @Test
  void alertsNothingForABreachShorterThanTheDwellAndDeletesItsTimer() throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    watermark(FOUR_MINUTES_LATER);

    send(overCapStatus(FOUR_MINUTES_LATER + 30 * ONE_SECOND, 2));
    assertNothingLeft();

    watermark(NOON);
    assertThat(breaches()).isEmpty();
  }

  @Test
  void measuresTheDwellAgainAfterAShortBreach() throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    send(overCapStatus(FOUR_MINUTES_LATER, 2));
    send(overCapStatus(FIVE_MINUTES_LATER, 3));
    watermark(FIVE_MINUTES_LATER + 4 * ONE_MINUTE);
    assertThat(breaches()).isEmpty();

    watermark(FIVE_MINUTES_LATER + FIVE_MINUTES);
    assertThat(only(breaches()).startedAtMs).isEqualTo(FIVE_MINUTES_LATER);
  }

  @Test
  void closesABreachWhenALateCheckOutLowersPresence() throws Exception {
    send(overCapStatus(ELEVEN_AM, 4));
    watermark(FIVE_MINUTES_LATER);
    assertThat(breaches()).hasSize(1);

    // Two phones upload their 10:58 check-outs at noon: the tracker corrects at the watermark.
    send(overCapStatus(NOON, 2));

    Breach closed = breaches().get(1);
    assertThat(closed.open).isFalse();
    assertThat(closed.endedAtMs).isEqualTo(NOON);
    assertThat(closed.durationS).isEqualTo(3600);
    assertNothingLeft();
  }

  @Test
  void opensAndClosesAtOnceWhenTheDwellEndedBeforeAPointTheWatermarkHasNotPassed()
      throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    // The tracker caught up: the next point is past the dwell, before the watermark fires it.
    send(overCapStatus(NOON, 1));

    assertThat(breaches()).extracting(b -> b.open).containsExactly(true, false);
    assertThat(breaches().get(0).durationS).isEqualTo(300);
    assertThat(breaches().get(1).durationS).isEqualTo(3600);
    assertNothingLeft(); // the dwell timer that never fired is gone too
  }

  @Test
  void followsADwellShortenedWhileTheConditionHolds() throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    watermark(ELEVEN_AM + ONE_MINUTE);
    OccupancyStatus shorter = overCapStatus(ELEVEN_AM + 2 * ONE_MINUTE, 3);
    shorter.dwellS = 60; // a policy version with a one-minute dwell took effect
    send(shorter);

    assertThat(only(breaches()).durationS).isEqualTo(60);
    watermark(NOON);
    assertThat(breaches()).hasSize(1);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void followsADwellLengthenedWhileTheConditionHolds() throws Exception {
    send(overCapStatus(ELEVEN_AM, 3));
    OccupancyStatus longer = overCapStatus(ELEVEN_AM + ONE_MINUTE, 3);
    longer.dwellS = 600;
    send(longer);
    watermark(FIVE_MINUTES_LATER);
    assertThat(breaches()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the old one is gone

    watermark(ELEVEN_AM + 10 * ONE_MINUTE);
    assertThat(only(breaches()).durationS).isEqualTo(600);
  }

  @Test
  void opensAtOnceWithADwellOfZero() throws Exception {
    OccupancyStatus s = overCapStatus(ELEVEN_AM, 3);
    s.dwellS = 0;
    send(s);

    assertThat(only(breaches()).durationS).isZero();
  }

  @Test
  void opensAnUnderFloorBreachAfterTheDwellAndClosesItWhenServiceHoursEnd() throws Exception {
    send(status(EIGHT_AM, 1, null, FLOOR));
    watermark(EIGHT_AM + FIVE_MINUTES - ONE_SECOND);
    assertThat(breaches()).isEmpty();
    watermark(EIGHT_AM + FIVE_MINUTES);

    Breach opened = only(breaches());
    assertThat(opened.kind).isEqualTo(Breach.UNDER_FLOOR);
    assertThat(opened.limit).isEqualTo(FLOOR);
    assertThat(opened.present).isEqualTo(1);

    send(status(TEN_AM, 0, null, FLOOR));
    send(status(THREE_PM, 0, null, 0)); // service hours are over: the floor is 0
    Breach closed = breaches().get(1);
    assertThat(closed.kind).isEqualTo(Breach.UNDER_FLOOR);
    assertThat(closed.open).isFalse();
    assertThat(closed.worst).isZero(); // the fewest present while it held
    assertThat(closed.durationS).isEqualTo(7 * 3600);
    assertNothingLeft();
  }

  @Test
  void tracksOverCapAndUnderFloorOfOneUnitApart() throws Exception {
    // A floor above the cap: both can never hold, but each condition keeps its own state.
    send(status(EIGHT_AM, 1, 0, FLOOR));
    watermark(EIGHT_AM + FIVE_MINUTES);
    assertThat(breaches())
        .extracting(b -> b.kind)
        .containsExactlyInAnyOrder(Breach.OVER_CAP, Breach.UNDER_FLOOR);

    send(status(TEN_AM, 0, 0, FLOOR));
    assertThat(breaches()).hasSize(3);
    assertThat(breaches().get(2).kind).isEqualTo(Breach.OVER_CAP);
    assertThat(breaches().get(2).open).isFalse();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the under-floor one stays open
  }

  @Test
  void keepsTheDwellTimerTheOtherConditionSharesWhenOneEndsEarly() throws Exception {
    // An essential unit with a confirmed case: cap 0, floor 2. One present is over and under.
    send(status(EIGHT_AM, 1, 0, FLOOR));
    send(status(EIGHT_AM + 2 * ONE_MINUTE, 0, 0, FLOOR)); // over no more, still under
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    watermark(EIGHT_AM + FIVE_MINUTES);

    Breach underFloor = only(breaches());
    assertThat(underFloor.kind).isEqualTo(Breach.UNDER_FLOOR);
    assertThat(underFloor.startedAtMs).isEqualTo(EIGHT_AM);
  }

  @Test
  void closesAnOpenOverCapBreachWhenNoCapAppliesAnyMore() throws Exception {
    send(overCapStatus(ELEVEN_AM, 4));
    watermark(FIVE_MINUTES_LATER);
    send(status(NOON, 4, null, 0));

    assertThat(breaches()).extracting(b -> b.open).containsExactly(true, false);
    assertNothingLeft();
  }
}

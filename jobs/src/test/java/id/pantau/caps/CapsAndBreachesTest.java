package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Unit;
import id.pantau.events.ZoneLevel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From attendance to breaches through the occupancy tracker, the cap calculator and the breach
 * detector, each in its operator harness (see {@link CapsPipeline}).
 */
class CapsAndBreachesTest {
  CapsPipeline job;

  @BeforeEach
  void setUp() throws Exception {
    job = new CapsPipeline();
  }

  @AfterEach
  void tearDown() throws Exception {
    job.close();
  }

  /** Dishub registered at ten, its region in the zone since the day's start. */
  void dishubAtTen(ZoneLevel level) throws Exception {
    job.rule(rule(zone(REGION, level, DAY_START)));
    job.advanceTo(TEN_AM);
    job.unit(dishub());
  }

  void checkIn(Unit u, int staff, long from) throws Exception {
    for (int i = 1; i <= staff; i++)
      job.send(TestRules.checkIn(u.unitId, "nip" + i, from + i * ONE_SECOND));
  }

  void assertDetectorEmpty() {
    assertThat(job.detector.numKeyedStateEntries()).isZero();
    assertThat(job.detector.numEventTimeTimers()).isZero();
  }

  @Test
  void opensBreachWhenZoneIsRaisedMidDayBelowPresentAndClosesWhenLowered() throws Exception {
    dishubAtTen(ZoneLevel.MEDIUM);
    checkIn(dishub(), 4, TEN_AM + ONE_MINUTE);
    job.advanceTo(TEN_FIFTY_NINE);
    assertThat(job.lastStatus(UNIT).cap).isEqualTo(MEDIUM_CAP);
    assertThat(job.lastStatus(UNIT).present).isEqualTo(4);

    job.rule(rule(zone(REGION, ZoneLevel.HIGH, ELEVEN_AM)));
    job.advanceTo(FOUR_MINUTES_LATER);
    assertThat(job.lastStatus(UNIT).cap).isEqualTo(HIGH_CAP);
    assertThat(job.breaches()).isEmpty();
    assertThat(job.detector.numEventTimeTimers()).isEqualTo(1);

    job.advanceTo(FIVE_MINUTES_LATER);
    assertThat(job.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.open).isTrue();
              assertThat(b.kind).isEqualTo(Breach.OVER_CAP);
              assertThat(b.startedAtMs).isEqualTo(ELEVEN_AM);
              assertThat(b.limit).isEqualTo(HIGH_CAP);
              assertThat(b.present).isEqualTo(4);
            });

    job.rule(rule(zone(REGION, ZoneLevel.MEDIUM, ONE_PM)));
    job.advanceTo(ONE_PM);

    assertThat(job.breaches()).hasSize(2);
    Breach closed = job.breaches().get(1);
    assertThat(closed.open).isFalse();
    assertThat(closed.startedAtMs).isEqualTo(ELEVEN_AM);
    assertThat(closed.endedAtMs).isEqualTo(ONE_PM);
    assertThat(closed.durationS).isEqualTo(2 * 3600);
    assertDetectorEmpty();
    assertThat(job.capStateEntries()).isZero();
  }

  @Test
  void closesTheBreachWhenLateCheckOutsArriveAfterItOpened() throws Exception {
    dishubAtTen(ZoneLevel.HIGH);
    checkIn(dishub(), 4, TEN_AM);
    job.advanceTo(TEN_AM + 30 * ONE_MINUTE);
    assertThat(job.breaches()).singleElement().satisfies(b -> assertThat(b.open).isTrue());

    // Two phones were offline: their 10:20 check-outs arrive when event time is at 10:30.
    job.send(TestRules.checkOut(UNIT, "nip3", TEN_AM + 20 * ONE_MINUTE));
    job.send(TestRules.checkOut(UNIT, "nip4", TEN_AM + 20 * ONE_MINUTE));

    assertThat(job.breaches()).hasSize(2);
    Breach closed = job.breaches().get(1);
    assertThat(closed.open).isFalse();
    assertThat(closed.present).isEqualTo(HIGH_CAP);
    assertThat(closed.worst).isEqualTo(4);
    assertThat(closed.endedAtMs).isEqualTo(TEN_AM + 30 * ONE_MINUTE);
    assertDetectorEmpty();
  }

  @Test
  void opensNoBreachWithPresenceExactlyAtTheCap() throws Exception {
    dishubAtTen(ZoneLevel.HIGH);
    checkIn(dishub(), HIGH_CAP, TEN_AM);
    job.advanceTo(NOON);

    assertThat(job.lastStatus(UNIT).present).isEqualTo(HIGH_CAP);
    assertThat(job.breaches()).isEmpty();
    assertDetectorEmpty();
  }

  @Test
  void alertsNothingWhenAStaffMemberLeavesBeforeTheDwellEnds() throws Exception {
    dishubAtTen(ZoneLevel.HIGH);
    checkIn(dishub(), 3, TEN_AM);
    job.send(TestRules.checkOut(UNIT, "nip3", TEN_AM + 4 * ONE_MINUTE));
    job.advanceTo(NOON);

    assertThat(job.breaches()).isEmpty();
    assertDetectorEmpty();
  }

  @Test
  void capsAnExposedUnitAtTheExposedShareWhileItHasACase() throws Exception {
    dishubAtTen(ZoneLevel.LOW);
    checkIn(dishub(), 3, TEN_AM);
    job.exposure(exposure(UNIT, true, ELEVEN_AM));
    job.exposure(exposure(UNIT, false, NOON));
    job.advanceTo(TEN_FIFTY_NINE);
    assertThat(job.lastStatus(UNIT).cap).isEqualTo(6); // LOW: 75 % of 8
    assertThat(job.points().get(job.points().size() - 1).exposed).isFalse();

    job.advanceTo(FIVE_MINUTES_LATER);
    assertThat(job.points().get(job.points().size() - 1).exposed).isTrue();
    assertThat(job.lastStatus(UNIT).cap).isZero(); // EXPOSED: 5 % of 8
    assertThat(job.breaches()).singleElement().satisfies(b -> assertThat(b.limit).isZero());

    job.advanceTo(NOON);
    assertThat(job.points().get(job.points().size() - 1).exposed).isFalse();
    assertThat(job.lastStatus(UNIT).cap).isEqualTo(6);
    assertThat(job.breaches()).hasSize(2);
    assertThat(job.breaches().get(1).open).isFalse();
    assertThat(job.breaches().get(1).durationS).isEqualTo(3600);
    assertDetectorEmpty();
  }

  @Test
  void treatsAnyoneInAUnitWithoutStaffAsOverItsCapOfZero() throws Exception {
    Unit empty = unit("tng-kosong", REGION, "Asia/Jakarta", 0);
    job.rule(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    job.advanceTo(TEN_AM);
    job.unit(empty);
    job.advanceTo(TEN_AM + 10 * ONE_MINUTE);
    assertThat(job.lastStatus(empty.unitId).cap).isZero();
    assertThat(job.lastStatus(empty.unitId).share()).isZero();
    assertThat(job.breaches()).isEmpty();

    checkIn(empty, 1, TEN_AM + 10 * ONE_MINUTE);
    job.advanceTo(TEN_AM + 20 * ONE_MINUTE);
    assertThat(job.lastStatus(empty.unitId).share()).isZero();
    assertThat(job.breaches(empty.unitId))
        .singleElement()
        .satisfies(b -> assertThat(b.limit).isZero());
  }

  @Test
  void opensUnderFloorBreachesInServiceHoursOfEachUnitsOwnTimeZone() throws Exception {
    for (String region : List.of(REGION, WITA_REGION, WIT_REGION))
      job.rule(rule(zone(region, ZoneLevel.LOW, DAY_START)));
    job.advanceTo(DAY_START_WIT + ONE_HOUR); // 01:00 WIT, 23:00 WIB the day before
    job.unit(wibEssential());
    job.unit(witaEssential());
    job.unit(witEssential());

    // 07:59 WIT is 05:59 WIB: nobody has been in anywhere for hours, but no service hours began.
    job.advanceTo(SEVEN_FIFTY_NINE_WIT);
    assertThat(job.breaches()).isEmpty();
    job.advanceTo(EIGHT_AM_WIT + FIVE_MINUTES - ONE_SECOND);
    assertThat(job.breaches()).isEmpty();

    // 08:05 WIT: Jayapura's floor has held its dwell; Makassar and Tangerang are still closed.
    job.advanceTo(EIGHT_AM_WIT + FIVE_MINUTES);
    assertThat(job.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.unitId).isEqualTo(WIT_ESSENTIAL);
              assertThat(b.kind).isEqualTo(Breach.UNDER_FLOOR);
              assertThat(b.startedAtMs).isEqualTo(EIGHT_AM_WIT);
              assertThat(b.limit).isEqualTo(FLOOR);
            });

    job.advanceTo(EIGHT_AM + FIVE_MINUTES);
    assertThat(job.breaches(WITA_ESSENTIAL))
        .singleElement()
        .satisfies(b -> assertThat(b.startedAtMs).isEqualTo(EIGHT_AM_WITA));
    assertThat(job.breaches(WIB_ESSENTIAL))
        .singleElement()
        .satisfies(b -> assertThat(b.startedAtMs).isEqualTo(EIGHT_AM));

    // Staff arriving at Tangerang end its breach; the others close when their service hours end.
    checkIn(wibEssential(), FLOOR, TEN_AM);
    job.advanceTo(THREE_PM + ONE_HOUR);
    assertThat(job.breaches(WIB_ESSENTIAL).get(1).endedAtMs).isEqualTo(TEN_AM + FLOOR * ONE_SECOND);
    assertThat(job.breaches(WIT_ESSENTIAL).get(1).endedAtMs).isEqualTo(THREE_PM_WIT);
    assertThat(job.breaches(WIT_ESSENTIAL).get(1).durationS).isEqualTo(7 * 3600);
    assertThat(job.breaches(WITA_ESSENTIAL).get(1).endedAtMs).isEqualTo(THREE_PM_WITA);
    assertThat(job.breaches()).extracting(b -> b.kind).containsOnly(Breach.UNDER_FLOOR);
    assertDetectorEmpty();
  }

  @Test
  void usesTheDwellOfTheRegionsPolicy() throws Exception {
    job.rule(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    job.rule(rule(dwell(REGION, DAY_START, 60)));
    job.advanceTo(TEN_AM);
    job.unit(dishub());
    checkIn(dishub(), 3, TEN_AM);
    job.advanceTo(TEN_AM + 2 * ONE_MINUTE);

    assertThat(job.breaches())
        .singleElement()
        .satisfies(b -> assertThat(b.durationS).isEqualTo(60));
  }
}

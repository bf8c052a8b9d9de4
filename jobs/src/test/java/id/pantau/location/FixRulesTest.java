package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;
import static id.pantau.location.TestFixes.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Boundary;
import id.pantau.events.GeoFix;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixRulesTest {
  KeyedBroadcastOperatorTestHarness<
          String, OneOf<Fix, RosterEntry, Void>, OneOf<Unit, Region, Void>, Alert>
      harness;

  static KeyedBroadcastOperatorTestHarness<
          String, OneOf<Fix, RosterEntry, Void>, OneOf<Unit, Region, Void>, Alert>
      harness(LocationRules rules) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new FixRules(rules), FixRules::nip, Types.STRING, FixRules.UNITS, FixRules.REGIONS);
  }

  @BeforeEach
  void setUp() throws Exception {
    harness = harness(LocationRules.defaults());
    harness.processBroadcastElement(OneOf.first(circleUnit()), 0);
    harness.processBroadcastElement(OneOf.first(polygonUnit()), 0);
  }

  void watermark(long t) throws Exception {
    bothWatermarks(harness, t);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  /** A fix arrives and event time passes it: the rules judge a fix once it has. */
  void send(Fix f) throws Exception {
    harness.processElement(OneOf.first(f), f.timeMs);
    watermark(f.timeMs);
  }

  /** Rosters carry no event time in the job. */
  void send(RosterEntry r) throws Exception {
    harness.processElement(OneOf.second(r), Long.MIN_VALUE);
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  /** The one alert out so far, raised, of this kind. */
  Alert onlyRaised(String kind) {
    Alert a = only(alerts());
    assertThat(a.kind).isEqualTo(kind);
    assertThat(a.phase).isEqualTo(Alert.RAISED);
    return a;
  }

  /** What the rules keep for the NIP: entries of keyed state, and event-time timers. */
  void assertKept(int entries, int timers) {
    assertThat(keyedStateEntries(harness)).as("keyed state entries").isEqualTo(entries);
    assertThat(harness.numEventTimeTimers()).as("event-time timers").isEqualTo(timers);
  }

  List<String> kinds() {
    return alerts().stream().map(a -> a.kind).toList();
  }

  /**
   * A WFO check-in some metres north of the office point, with an accuracy: flagged only when it is
   * surely outside, so a fix whose accuracy reaches inside the office is not.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a check-in inside the circle is not flagged, U-CIRCLE, 50, 10, false",
    // 150 m from the centre of a 100 m circle, but within the 80 m accuracy.
    "a fix on the edge of the circle with poor accuracy is not flagged, U-CIRCLE, 150, 80, false",
    "a check-in inside the polygon is not flagged, U-POLY, 80, 10, false",
    "a check-in outside the polygon is flagged, U-POLY, 400, 10, true",
    // The square's edge is about 111 m north; 140 m with 50 m accuracy may be inside.
    "a check-in just outside the polygon within its accuracy is not flagged, U-POLY, 140, 50, false"
  })
  void anOfficeCheckInIsFlaggedOnlyWhenSurelyOutside(
      String name, String unitId, double northM, double accuracyM, boolean flagged)
      throws Exception {
    send(officeFix("e1", "N1", unitId, northM, accuracyM));
    assertThat(kinds()).isEqualTo(flagged ? List.of(OUTSIDE_OFFICE) : List.of());
  }

  @Test
  void checkInOutsideTheCircleIsFlaggedForReview() throws Exception {
    send(officeFix("e1", "N1", CIRCLE_UNIT, 500, 10));
    Alert a = onlyRaised(OUTSIDE_OFFICE);
    assertThat(a.nip).isEqualTo("N1");
    assertThat(a.unitId).isEqualTo(CIRCLE_UNIT);
    assertThat(a.region).isEqualTo("3171");
    assertThat(a.date).isEqualTo("2025-03-03");
    assertThat(a.alertId).isEqualTo(alertId("N1", "e1", OUTSIDE_OFFICE));
  }

  @Test
  void outsideRuleAppliesOnlyToOfficeCheckIns() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT + 0.01, OFFICE_LON, T0));
    assertThat(alerts()).isEmpty();
  }

  // ------------------------------------------------------------------ out of region

  void region(Region r) throws Exception {
    harness.processBroadcastElement(OneOf.second(r), 0);
  }

  @Test
  void wfhPingInsideTheHomeRegionIsNotFlagged() throws Exception {
    region(homeRegion());
    send(pingFix("p1", "N1", OFFICE_LAT + 0.05, OFFICE_LON - 0.05, T0));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void wfhPingOutsideTheHomeRegionIsFlaggedForReview() throws Exception {
    region(homeRegion());
    // 0.3° east of the office: 0.2° (about 22 km) beyond the region's eastern edge.
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0));
    Alert a = onlyRaised(OUT_OF_REGION);
    assertThat(a.nip).isEqualTo("N1");
    assertThat(a.unitId).isEqualTo(CIRCLE_UNIT);
    assertThat(a.region).isEqualTo(JAKARTA_PUSAT);
    assertThat(a.date).isEqualTo("2025-03-03");
    assertThat(a.alertId).isEqualTo(alertId("N1", "p1", OUT_OF_REGION));
    assertThat(a.message).isEqualTo("WFH location about 22.1 km outside the home region 3171");
  }

  @Test
  void wfhPingJustOutsideTheBoundaryWithinItsAccuracyIsNotFlagged() throws Exception {
    region(homeRegion());
    // 60 m beyond the northern edge, 80 m accuracy: the phone may well be inside.
    double lat = OFFICE_LAT + REGION_HALF_SIDE_DEG + 60 * DEG_PER_M;
    send(withAccuracy(pingFix("p1", "N1", lat, OFFICE_LON, T0), 80));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void wfhPingJustOutsideTheBoundaryBeyondItsAccuracyIsFlagged() throws Exception {
    region(homeRegion());
    double lat = OFFICE_LAT + REGION_HALF_SIDE_DEG + 60 * DEG_PER_M;
    send(withAccuracy(pingFix("p1", "N1", lat, OFFICE_LON, T0), 20));
    assertThat(kinds()).containsExactly(OUT_OF_REGION);
  }

  @Test
  void wfhPingBeforeTheRegionBoundaryIsKnownIsNotJudged() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0));
    assertThat(alerts()).isEmpty();
    region(homeRegion());
    send(pingFix("p2", "N2", OFFICE_LAT, OFFICE_LON + 0.3, T0));
    assertThat(kinds()).containsExactly(OUT_OF_REGION);
  }

  @Test
  void wfhPingOfAnUnknownUnitIsNotJudged() throws Exception {
    region(homeRegion());
    Fix f = pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0);
    f.unitId = "U-UNKNOWN";
    send(f);
    assertThat(alerts()).isEmpty();
  }

  @Test
  void aBoundaryUpdateAppliesToTheFixesAfterIt() throws Exception {
    region(homeRegion());
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0));
    // The region grows east to cover the ping; the same place is now home.
    Region wider = homeRegion();
    wider.boundary =
        Boundary.polygon(
            square(OFFICE_LON - 0.1, OFFICE_LAT - 0.1, OFFICE_LON + 0.5, OFFICE_LAT + 0.1));
    region(wider);
    send(pingFix("p2", "N2", OFFICE_LAT, OFFICE_LON + 0.3, T0));
    send(pingFix("p3", "N3", OFFICE_LAT, OFFICE_LON + 0.6, T0));
    assertThat(alerts())
        .extracting(a -> a.alertId)
        .containsExactly(alertId("N1", "p1", OUT_OF_REGION), alertId("N3", "p3", OUT_OF_REGION));
  }

  @Test
  void aPingInAnyPartOfAMultiPolygonRegionIsHome() throws Exception {
    Region islands = homeRegion();
    islands.boundary = new Boundary();
    islands.boundary.type = Boundary.MULTI_POLYGON;
    islands.boundary.polygons =
        new double[][][][] {
          {square(OFFICE_LON - 0.1, OFFICE_LAT - 0.1, OFFICE_LON + 0.1, OFFICE_LAT + 0.1)},
          {square(OFFICE_LON + 0.5, OFFICE_LAT - 0.1, OFFICE_LON + 0.7, OFFICE_LAT + 0.1)}
        };
    region(islands);
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.6, T0)); // the second island
    send(pingFix("p2", "N2", OFFICE_LAT, OFFICE_LON + 0.3, T0)); // the sea between
    assertThat(alerts())
        .extracting(a -> a.alertId)
        .containsExactly(alertId("N2", "p2", OUT_OF_REGION));
  }

  /** A second region: the same square, 0.5° east of the units' region. */
  static Region eastRegion() {
    Region r = homeRegion();
    r.region = "3216";
    r.boundary =
        Boundary.polygon(
            square(OFFICE_LON + 0.4, OFFICE_LAT - 0.1, OFFICE_LON + 0.6, OFFICE_LAT + 0.1));
    return r;
  }

  @Test
  void aWfhPingWaitsUntilEventTimePassesItSoABoundaryReadAfterItStillCounts() throws Exception {
    harness.processElement(OneOf.first(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0)), T0);
    region(homeRegion()); // a replay read the boundary a few records after the ping
    assertThat(alerts()).isEmpty();
    watermark(T0);
    assertThat(kinds()).containsExactly(OUT_OF_REGION);
    assertThat(keyedStateEntries(harness)).as("only the last fix is kept").isEqualTo(1);
  }

  @Test
  void aWfhPingWaitsUntilEventTimePassesItSoAHomeRegionReadAfterItStillCounts() throws Exception {
    region(homeRegion());
    region(eastRegion());
    harness.processElement(OneOf.first(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0)), T0);
    send(roster("N1", "2025-03-03", "3216"));
    watermark(T0);
    assertThat(alerts())
        .extracting(a -> a.message)
        .containsExactly("WFH location about 44.3 km outside the home region 3216");
  }

  @Test
  void waitingFixesAreJudgedInEventTimeOrderWhateverOrderTheyArrivedIn() throws Exception {
    // 22 km east, then back at the office 30 s later: the later fix is the impossible one.
    harness.processElement(
        OneOf.first(pingFix("p2", "N1", OFFICE_LAT, OFFICE_LON, T0 + 30_000)), 0);
    harness.processElement(OneOf.first(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.3, T0)), 0);
    watermark(T0 + 30_000);
    assertThat(alerts())
        .filteredOn(a -> IMPOSSIBLE_TRAVEL.equals(a.kind))
        .extracting(a -> a.alertId)
        .containsExactly(alertId("N1", "p2", IMPOSSIBLE_TRAVEL));
  }

  @Test
  void theRostersHomeRegionOfTheDateReplacesTheUnitsRegion() throws Exception {
    region(homeRegion());
    region(eastRegion());
    send(roster("N1", "2025-03-03", "3216"));
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.5, T0)); // home, in 3216
    send(pingFix("p2", "N1", OFFICE_LAT, OFFICE_LON, T0 + 4 * ONE_HOUR)); // the unit's region
    send(pingFix("p3", "N1", OFFICE_LAT, OFFICE_LON + 0.5, T0 + 24 * ONE_HOUR)); // the next day
    assertThat(alerts())
        .filteredOn(a -> OUT_OF_REGION.equals(a.kind))
        .extracting(a -> a.alertId, a -> a.message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                alertId("N1", "p2", OUT_OF_REGION),
                "WFH location about 44.3 km outside the home region 3216"),
            org.assertj.core.groups.Tuple.tuple(
                alertId("N1", "p3", OUT_OF_REGION),
                "WFH location about 44.3 km outside the home region 3171"));
  }

  @Test
  void aLaterRosterRowWithoutAHomeRegionFallsBackToTheUnitsRegion() throws Exception {
    region(homeRegion());
    region(eastRegion());
    send(roster("N1", "2025-03-03", "3216"));
    send(roster("N1", "2025-03-03", null));
    assertThat(keyedStateEntries(harness)).isZero();
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void aHomeRegionWithoutABoundaryIsNotJudged() throws Exception {
    region(homeRegion());
    send(roster("N1", "2025-03-03", "3216"));
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON + 0.5, T0));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void theHomeRegionIsForgottenAfterItsDate() throws Exception {
    send(roster("N1", "2025-03-03", "3216"));
    assertKept(1, 1);
    watermark(java.time.Instant.parse("2025-03-05T00:00:00Z").toEpochMilli());
    assertKept(0, 0);
  }

  @Test
  void wfhCheckInOutsideTheRegionIsFlaggedButAWfoOneIsJudgedByTheOffice() throws Exception {
    region(homeRegion());
    AttendanceEvent wfh = checkIn("e1", "N1", CIRCLE_UNIT, 0, 10, T0);
    wfh.mode = WorkMode.WFH;
    wfh.location = new GeoFix(OFFICE_LAT, OFFICE_LON + 0.3, 10, false);
    AttendanceEvent wfo = checkIn("e2", "N2", CIRCLE_UNIT, 0, 10, T0);
    wfo.location = new GeoFix(OFFICE_LAT, OFFICE_LON + 0.3, 10, false);
    send(Fix.of(wfh));
    send(Fix.of(wfo));
    assertThat(alerts())
        .extracting(a -> a.alertId)
        .containsExactly(alertId("N1", "e1", OUT_OF_REGION), alertId("N2", "e2", OUTSIDE_OFFICE));
  }

  @Test
  void lowAccuracyIsFlagged() throws Exception {
    send(withAccuracy(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0), 150));
    assertThat(kinds()).containsExactly(LOW_ACCURACY);
  }

  @Test
  void accuracyAtTheThresholdIsNotFlagged() throws Exception {
    send(withAccuracy(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0), 100));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void lowAccuracyThresholdCanBeOverridden() throws Exception {
    harness.close();
    harness = harness(LocationRules.defaults().withLowAccuracyM(30));
    send(withAccuracy(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0), 50));
    assertThat(kinds()).containsExactly(LOW_ACCURACY);
  }

  @Test
  void mockLocationIsFlagged() throws Exception {
    send(mocked(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0)));
    assertThat(kinds()).containsExactly(MOCK_LOCATION);
  }

  @Test
  void impossibleTravelIsFlagged() throws Exception {
    send(pingFix("p1", "N1", -6.2000, 106.8166, T0)); // Jakarta
    send(pingFix("p2", "N1", -7.2575, 112.7521, T0 + ONE_HOUR)); // Surabaya, ~660 km later
    assertThat(onlyRaised(IMPOSSIBLE_TRAVEL).alertId)
        .isEqualTo(alertId("N1", "p2", IMPOSSIBLE_TRAVEL));
  }

  @Test
  void normalTravelIsNotFlagged() throws Exception {
    send(pingFix("p1", "N1", -6.2000, 106.8166, T0));
    send(pingFix("p2", "N1", -6.5950, 106.8166, T0 + ONE_HOUR)); // ~44 km in an hour (Bogor)
    assertThat(alerts()).isEmpty();
  }

  @Test
  void jitterWithinAccuraciesShortlyAfterIsNotFlagged() throws Exception {
    send(withAccuracy(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0), 40));
    send(withAccuracy(pingFix("p2", "N1", OFFICE_LAT + 50 * DEG_PER_M, OFFICE_LON, T0 + 1), 40));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void travelIsComparedByEventTime() throws Exception {
    // An out-of-order fix does not replace the later one.
    send(pingFix("p2", "N1", -6.5950, 106.8166, T0 + ONE_HOUR));
    send(pingFix("p1", "N1", -6.2000, 106.8166, T0));
    send(pingFix("p3", "N1", -6.5950, 106.8170, T0 + 2 * ONE_HOUR));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void lastFixIsForgottenADayAfterIt() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0));
    assertKept(1, 1);
    watermark(T0 + 24 * ONE_HOUR);
    assertKept(0, 0);
  }

  @Test
  void laterFixesKeepOneTimerAndTheLastFixLivesUntilItsOwnExpiry() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0));
    send(pingFix("p2", "N1", OFFICE_LAT, OFFICE_LON, T0 + ONE_HOUR));
    send(pingFix("p0", "N1", OFFICE_LAT, OFFICE_LON, T0 - ONE_HOUR)); // out of order: compared only
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    // The first fix's timer fires and moves to the kept fix's expiry.
    watermark(T0 + 24 * ONE_HOUR);
    assertKept(1, 1);
    // Still compared with p2 before its expiry: New York 23 h after Jakarta is too fast.
    send(pingFix("p3", "N1", 40.7128, -74.0060, T0 + 24 * ONE_HOUR + 1000));
    assertThat(kinds()).containsExactly(IMPOSSIBLE_TRAVEL);
    watermark(T0 + 48 * ONE_HOUR + 1000);
    assertKept(0, 0);
  }

  @Test
  void theLastFixIsForgottenAtTheSameWatermarkAsBeforeWhenLaterFixesCame() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0));
    send(pingFix("p2", "N1", OFFICE_LAT, OFFICE_LON, T0 + ONE_HOUR));
    watermark(T0 + 25 * ONE_HOUR - 1);
    assertThat(keyedStateEntries(harness)).isEqualTo(1);
    watermark(T0 + 25 * ONE_HOUR);
    assertKept(0, 0);
    // Nothing to compare with any more: Surabaya is no impossible travel now.
    send(pingFix("p3", "N1", -7.2575, 112.7521, T0 + 25 * ONE_HOUR + 1000));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void aUnitsNewTimeZoneAppliesToTheFixesAfterIt() throws Exception {
    long evening = java.time.Instant.parse("2025-03-03T18:00:00Z").toEpochMilli();
    send(mocked(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, evening))); // 01:00 in Jakarta
    id.pantau.events.Unit utc = circleUnit();
    utc.timeZone = "UTC";
    utc.setEffectiveFrom("2025-02-01T00:00:00Z");
    harness.processBroadcastElement(OneOf.first(utc), 0);
    send(mocked(pingFix("p2", "N2", OFFICE_LAT, OFFICE_LON, evening)));
    assertThat(alerts()).extracting(a -> a.date).containsExactly("2025-03-04", "2025-03-03");
  }

  @Test
  void duplicateFixGivesTheSameAlertId() throws Exception {
    Fix f = mocked(withAccuracy(officeFix("e1", "N1", CIRCLE_UNIT, 500, 150), 150));
    send(f);
    send(mocked(withAccuracy(officeFix("e1", "N1", CIRCLE_UNIT, 500, 150), 150)));
    List<Alert> all = alerts();
    assertThat(all).hasSize(6);
    assertThat(all.subList(0, 3))
        .extracting(a -> a.alertId)
        .containsExactlyElementsOf(all.subList(3, 6).stream().map(a -> a.alertId).toList());
    assertThat(all.subList(0, 3))
        .extracting(a -> a.kind)
        .containsExactly(OUTSIDE_OFFICE, LOW_ACCURACY, MOCK_LOCATION);
  }
}

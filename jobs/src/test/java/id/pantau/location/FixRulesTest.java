package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;
import static id.pantau.location.TestFixes.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.events.Unit;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FixRulesTest {
  KeyedBroadcastOperatorTestHarness<String, Fix, Unit, Alert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new FixRules(LocationRules.defaults()), FixRules::nip, Types.STRING, FixRules.UNITS);
    harness.processBroadcastElement(circleUnit(), 0);
    harness.processBroadcastElement(polygonUnit(), 0);
  }

  void watermark(long t) throws Exception {
    harness.processWatermark(t);
    harness.processBroadcastWatermark(t);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(Fix f) throws Exception {
    harness.processElement(f, f.timeMs);
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  List<String> kinds() {
    return alerts().stream().map(a -> a.kind).toList();
  }

  @Test
  void checkInInsideTheCircleIsNotFlagged() throws Exception {
    send(officeFix("e1", "N1", CIRCLE_UNIT, 50, 10));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void checkInOutsideTheCircleIsFlaggedForReview() throws Exception {
    send(officeFix("e1", "N1", CIRCLE_UNIT, 500, 10));
    assertThat(alerts()).hasSize(1);
    Alert a = alerts().get(0);
    assertThat(a.kind).isEqualTo(OUTSIDE_OFFICE);
    assertThat(a.phase).isEqualTo(Alert.RAISED);
    assertThat(a.nip).isEqualTo("N1");
    assertThat(a.unitId).isEqualTo(CIRCLE_UNIT);
    assertThat(a.region).isEqualTo("3171");
    assertThat(a.date).isEqualTo("2025-03-03");
    assertThat(a.alertId).isEqualTo(alertId("N1", "e1", OUTSIDE_OFFICE));
  }

  @Test
  void fixOnTheEdgeWithPoorAccuracyIsNotFlagged() throws Exception {
    // 150 m from the centre of a 100 m circle, but within the 80 m accuracy.
    send(officeFix("e1", "N1", CIRCLE_UNIT, 150, 80));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void outsideRuleAppliesOnlyToOfficeCheckIns() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT + 0.01, OFFICE_LON, T0));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void checkInInsideThePolygonIsNotFlagged() throws Exception {
    send(officeFix("e1", "N1", POLYGON_UNIT, 80, 10));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void checkInOutsideThePolygonIsFlagged() throws Exception {
    send(officeFix("e1", "N1", POLYGON_UNIT, 400, 10));
    assertThat(kinds()).containsExactly(OUTSIDE_OFFICE);
  }

  @Test
  void checkInJustOutsideThePolygonWithinItsAccuracyIsNotFlagged() throws Exception {
    // The square's edge is about 111 m north; 140 m with 50 m accuracy may be inside.
    send(officeFix("e1", "N1", POLYGON_UNIT, 140, 50));
    assertThat(alerts()).isEmpty();
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
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new FixRules(LocationRules.defaults().withLowAccuracyM(30)),
            FixRules::nip,
            Types.STRING,
            FixRules.UNITS);
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
    send(pingFix("p2", "N1", -7.2575, 112.7521, T0 + HOUR)); // Surabaya, ~660 km later
    assertThat(alerts()).hasSize(1);
    assertThat(alerts().get(0).kind).isEqualTo(IMPOSSIBLE_TRAVEL);
    assertThat(alerts().get(0).alertId).isEqualTo(alertId("N1", "p2", IMPOSSIBLE_TRAVEL));
  }

  @Test
  void normalTravelIsNotFlagged() throws Exception {
    send(pingFix("p1", "N1", -6.2000, 106.8166, T0));
    send(pingFix("p2", "N1", -6.5950, 106.8166, T0 + HOUR)); // ~44 km in an hour (Bogor)
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
    send(pingFix("p2", "N1", -6.5950, 106.8166, T0 + HOUR));
    send(pingFix("p1", "N1", -6.2000, 106.8166, T0));
    send(pingFix("p3", "N1", -6.5950, 106.8170, T0 + 2 * HOUR));
    assertThat(alerts()).isEmpty();
  }

  @Test
  void lastFixIsForgottenADayAfterIt() throws Exception {
    send(pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0));
    assertThat(keyedStateEntries(harness)).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    watermark(T0 + 24 * HOUR);
    assertThat(keyedStateEntries(harness)).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
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

package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.pantau.events.DeadLetter;
import id.pantau.events.Policy;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.fixtures.Fixtures;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cap and floor in force at each occupancy point, from the broadcast rule versions. */
class CapCalculatorTest {
  KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = calculator();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  OccupancyStatus at(OccupancyUpdate u) throws Exception {
    int before = harness.extractOutputValues().size();
    harness.processElement(u, u.timeMs);
    List<OccupancyStatus> out = harness.extractOutputValues();
    assertThat(out).hasSize(before + 1);
    return out.get(out.size() - 1);
  }

  void broadcast(OneOf<ZoneChange, Policy, Void> r) throws Exception {
    harness.processBroadcastElement(r, effectiveFrom(r));
  }

  List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(CapCalculator.DEAD_LETTERS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  int keyedStateEntries() {
    return TestRules.keyedStateEntries(harness);
  }

  @Test
  void capsAUnitAtItsZoneLevelShareOfHeadcount() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));

    OccupancyStatus s = at(point(dishub(), TEN_AM, 3));

    assertThat(s.cap).isEqualTo(HIGH_CAP);
    assertThat(s.present).isEqualTo(3);
    assertThat(s.headcount).isEqualTo(HEADCOUNT);
    assertThat(s.overCap()).isTrue();
    assertThat(s.floor).isZero(); // not an essential unit
    assertThat(s.dwellS).isEqualTo(300);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void raisesTheZoneMidDayFromItsEffectiveTimeOnly() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.MEDIUM, DAY_START)));
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, ELEVEN_AM)));

    assertThat(at(point(dishub(), TEN_FIFTY_NINE, 4)).cap).isEqualTo(MEDIUM_CAP);
    assertThat(at(point(dishub(), ELEVEN_AM, 4)).cap).isEqualTo(HIGH_CAP);
  }

  @Test
  void keepsTodaysCapWhenAPolicyTakesEffectTomorrow() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    broadcast(rule(highCap(REGION, MIDNIGHT_WIB, 50)));

    assertThat(at(point(dishub(), TEN_AM, 3)).cap).isEqualTo(HIGH_CAP);
    assertThat(at(point(dishub(), TOMORROW_TEN_AM, 3)).cap).isEqualTo(MEDIUM_CAP);
  }

  @Test
  void foldsAPartialPolicyVersionOverTheSeedAndEarlierVersions() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    broadcast(rule(dwell(REGION, DAY_START, 60)));
    broadcast(rule(highCap(REGION, NOON, 50)));

    OccupancyStatus morning = at(point(wibEssential(), TEN_AM, 0));
    assertThat(morning.dwellS).isEqualTo(60); // the version's own field
    assertThat(morning.cap).isEqualTo(2); // 25 % of 10: the seed's HIGH kept
    assertThat(morning.floor).isEqualTo(FLOOR); // the seed's service hours kept

    OccupancyStatus afternoon = at(point(wibEssential(), ONE_PM, 0));
    assertThat(afternoon.cap).isEqualTo(5); // 50 % of 10 from noon
    assertThat(afternoon.dwellS).isEqualTo(60); // the morning version's dwell kept
  }

  @Test
  void capsAnExposedUnitAtTheExposedShareAndReturnsToTheZoneCapAfter() throws Exception {
    Unit big = unit("tng-dinkes", REGION, "Asia/Jakarta", 40);
    broadcast(rule(zone(REGION, ZoneLevel.LOW, DAY_START)));

    assertThat(at(point(big, TEN_AM, 6)).cap).isEqualTo(30); // 75 % of 40
    OccupancyStatus exposed = at(exposedPoint(big, ELEVEN_AM, 6));
    assertThat(exposed.cap).isEqualTo(2); // 5 % of 40
    assertThat(exposed.overCap()).isTrue();
    assertThat(at(point(big, NOON, 6)).cap).isEqualTo(30);
  }

  @Test
  void capsAnExposedUnitEvenBeforeItsRegionHasAZone() throws Exception {
    Unit big = unit("tng-dinkes", REGION, "Asia/Jakarta", 40);
    assertThat(at(exposedPoint(big, TEN_AM, 3)).cap).isEqualTo(2);
  }

  @Test
  void capsAUnitWithoutStaffAtZeroWithoutDividingByZero() throws Exception {
    Unit empty = unit("tng-kosong", REGION, "Asia/Jakarta", 0);
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));

    OccupancyStatus s = at(point(empty, TEN_AM, 0));

    assertThat(s.cap).isZero();
    assertThat(s.share()).isZero();
    assertThat(s.overCap()).isFalse();
    assertThat(StatusLines.encode(s)).contains("share=0.0").doesNotContain("NaN", "Infinity");
  }

  @Test
  void leavesTheCapOpenAndDeadLettersOnceWhenTheRegionHasNoZone() throws Exception {
    OccupancyStatus first = at(point(dishub(), TEN_AM, 5));
    OccupancyStatus second = at(point(dishub(), TEN_AM + ONE_MINUTE, 5));

    assertThat(first.cap).isNull();
    assertThat(second.cap).isNull();
    assertThat(first.overCap()).isFalse();
    assertThat(deadLetters()).hasSize(1);
    DeadLetter d = deadLetters().get(0);
    assertThat(d.reason).contains("'" + REGION + "'").contains("PUT /v1/zones/" + REGION);
    assertThat(d.topic).isEqualTo(Topics.UNITS);
    assertThat(d.stage).isEqualTo("cap-calculator");
    assertThat(d.key).isEqualTo(UNIT);
    assertThat(d.at).as("dated by the point, as a replay dates it").isEqualTo(TEN_AM);
    assertThat(keyedStateEntries()).isEqualTo(1); // remembers it has reported

    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    assertThat(at(point(dishub(), TEN_AM + 2 * ONE_MINUTE, 5)).cap).isEqualTo(HIGH_CAP);
    assertThat(deadLetters()).hasSize(1);
    assertThat(keyedStateEntries()).isZero(); // and forgets it once a zone is known
  }

  @Test
  void appliesTheFloorOnlyInServiceHoursOfTheUnitsOwnTimeZone() throws Exception {
    for (String region : List.of(REGION, WITA_REGION, WIT_REGION))
      broadcast(rule(zone(region, ZoneLevel.LOW, DAY_START)));

    // 06:00 WIB is 07:00 WITA and 08:00 WIT: only Jayapura is open.
    assertThat(floorsAt(SIX_AM)).containsExactly(0, 0, FLOOR);
    // 07:00 WIB is 08:00 WITA.
    assertThat(floorsAt(SEVEN_AM)).containsExactly(0, FLOOR, FLOOR);
    assertThat(EIGHT_AM_WITA).isEqualTo(SEVEN_AM);
    assertThat(floorsAt(EIGHT_AM)).containsExactly(FLOOR, FLOOR, FLOOR);
    // 13:00 WIB is 15:00 WIT: Jayapura has closed; 14:00 WITA is still open.
    assertThat(floorsAt(ONE_PM)).containsExactly(FLOOR, FLOOR, 0);
    assertThat(floorsAt(THREE_PM)).containsExactly(0, 0, 0);
    assertThat(floorsAt(DAY_START)).containsExactly(0, 0, 0);
  }

  List<Integer> floorsAt(long t) throws Exception {
    return List.of(
        at(point(wibEssential(), t, 0)).floor,
        at(point(witaEssential(), t, 0)).floor,
        at(point(witEssential(), t, 0)).floor);
  }

  @Test
  void keepsRuleVersionsInBroadcastStateNotKeyedState() throws Exception {
    broadcast(rule(zone(REGION, ZoneLevel.MEDIUM, DAY_START)));
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, ELEVEN_AM)));
    broadcast(rule(dwell(REGION, DAY_START, 60)));
    at(point(dishub(), NOON, 1));

    assertThat(harness.getBroadcastState(RegionRules.ZONES).immutableEntries()).hasSize(2);
    assertThat(harness.getBroadcastState(RegionRules.POLICIES).immutableEntries()).hasSize(1);
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void inAReplayAPointReadBeforeItsRegionsZoneWaitsForEventTimeAndGetsTheCap() throws Exception {
    harness.close();
    harness = replayCalculator();
    harness.processElement(point(dishub(), TEN_AM, 3), TEN_AM);
    harness.processElement(point(dishub(), TEN_AM + ONE_MINUTE, 4), TEN_AM + ONE_MINUTE);
    harness.processWatermark(TEN_AM + ONE_MINUTE); // the points' own input has passed them
    assertThat(harness.extractOutputValues()).isEmpty(); // the rule topics have not

    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START))); // read after the points
    Fixtures.bothWatermarks(harness, TEN_AM);

    assertThat(harness.extractOutputValues())
        .extracting(s -> s.present, s -> s.cap)
        .containsExactly(tuple(3, HIGH_CAP));
    assertThat(keyedStateEntries()).isEqualTo(1); // the later point still waits
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    Fixtures.bothWatermarks(harness, Long.MAX_VALUE); // the input ends
    assertThat(harness.extractOutputValues())
        .extracting(s -> s.present, s -> s.cap)
        .containsExactly(tuple(3, HIGH_CAP), tuple(4, HIGH_CAP));
    assertThat(deadLetters()).isEmpty();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void inAReplayPointsASavepointHeldInTheFormerListGoOnAtTheirTimesBeforeLaterOnes()
      throws Exception {
    harness.close();
    harness = replayCalculator();
    broadcast(rule(zone(REGION, ZoneLevel.HIGH, DAY_START)));
    Fixtures.bothWatermarks(harness, TEN_AM - ONE_MINUTE);
    // The layout before "waiting-by-time": one list per unit, "waiting-for-rules", and a timer at
    // each point's time (set here by the point taken in, then moved to the former list).
    harness.processElement(point(dishub(), TEN_AM, 3), TEN_AM);
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey(UNIT);
    MapState<Long, List<OccupancyUpdate>> byTime =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new MapStateDescriptor<>(
                "waiting-by-time",
                Types.LONG,
                new ListTypeInfo<>(TypeInformation.of(OccupancyUpdate.class))));
    ListState<OccupancyUpdate> former =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new ListStateDescriptor<>(
                "waiting-for-rules", TypeInformation.of(OccupancyUpdate.class)));
    byTime.clear();
    former.add(point(dishub(), TEN_AM, 3));
    OperatorSubtaskState savepoint = harness.snapshot(1, 0);
    harness.close();

    harness = TestRules.restoredReplayCalculator(savepoint);
    harness.processElement(point(dishub(), TEN_AM, 4), TEN_AM); // came after the savepoint
    Fixtures.bothWatermarks(harness, TEN_AM);

    assertThat(harness.extractOutputValues())
        .extracting(s -> s.timeMs, s -> s.present, s -> s.cap)
        .containsExactly(tuple(TEN_AM, 3, HIGH_CAP), tuple(TEN_AM, 4, HIGH_CAP));
    assertThat(keyedStateEntries()).isZero(); // the former list is gone too
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}

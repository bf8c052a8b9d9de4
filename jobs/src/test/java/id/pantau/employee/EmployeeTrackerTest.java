package id.pantau.employee;

import static id.pantau.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.compliance.CheckinTracker;
import id.pantau.compliance.WindowResult;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.fixtures.Fixtures;
import id.pantau.location.FixRules;
import id.pantau.location.LocationRules;
import id.pantau.serial.OneOf;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmployeeTrackerTest {
  static final String UNIT = "tng-bkpsdm";
  static final String NIP = "199001012020011001";
  static final long LOC1_ONE_MINUTE_IN = at("2026-11-23T07:31:00+07:00");
  static final long LOC1_DECIDED = at("2026-11-23T09:15:00+07:00");
  static final long LOC2_LATE = at("2026-11-23T13:05:00+07:00");
  static final long THREE_DAYS_LATER = at("2026-11-26T12:00:00+07:00");

  KeyedBroadcastOperatorTestHarness<
          String,
          OneOf<AttendanceEvent, LocationPing, RosterEntry>,
          OneOf<Unit, Policy, Region>,
          WindowResult>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new EmployeeTracker(
                new CheckinTracker(5_000, 0), new FixRules(LocationRules.defaults())),
            CheckinTracker::nip,
            Types.STRING,
            CheckinTracker.UNITS,
            CheckinTracker.POLICIES,
            FixRules.UNITS,
            FixRules.REGIONS);
    harness.processBroadcastElement(OneOf.first(tangerang()), 0);
    bothWatermarks(harness, SIX_AM);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void aWfhPingCountsForItsWindowAndIsJudgedByTheLocationRulesFromOneShuffle() throws Exception {
    harness.processElement(OneOf.third(roster(RosterMode.WFH)), Long.MIN_VALUE);
    LocationPing mocked = ping(LOC1_ONE_MINUTE_IN);
    mocked.location.mock = true;
    harness.processElement(OneOf.second(mocked), mocked.timeMs);
    bothWatermarks(harness, LOC1_DECIDED);

    assertThat(decided())
        .extracting(r -> r.window + " " + r.status)
        .containsExactly("LOC1 ON_TIME");
    assertThat(alerts())
        .extracting(a -> a.kind + " " + a.nip)
        .containsExactly("MOCK_LOCATION " + NIP);
  }

  @Test
  void theCheckInResultsAreTheCheckInTrackersAloneThoughTheLocationRulesSetTimersToo()
      throws Exception {
    var alone = checkinHarness(new CheckinTracker(5_000, 0));
    alone.processBroadcastElement(OneOf.first(tangerang()), 0);
    bothWatermarks(alone, SIX_AM);

    // Pings at odd moments ahead of the watermark: each sets a location timer of its own.
    List<OneOf<AttendanceEvent, LocationPing, RosterEntry>> facts = new ArrayList<>();
    facts.add(OneOf.third(roster(RosterMode.WFH)));
    for (long t = LOC1_ONE_MINUTE_IN; t < LOC2_LATE; t += 37 * ONE_MINUTE) {
      facts.add(OneOf.second(ping(t)));
    }
    facts.add(OneOf.second(ping(LOC2_LATE)));
    for (var f : facts) {
      long ts = f.value() instanceof LocationPing p ? p.timeMs : Long.MIN_VALUE;
      harness.processElement(f, ts);
      alone.processElement(f, ts);
    }
    for (long w = SIX_AM; w <= THREE_DAYS_LATER; w += 23 * ONE_MINUTE) {
      bothWatermarks(harness, w);
      bothWatermarks(alone, w);
    }

    List<String> seen = describe(harness.extractOutputValues());
    assertThat(seen).isNotEmpty().isEqualTo(describe(alone.extractOutputValues()));
    alone.close();
  }

  @Test
  void forgetsTheEmployeeOnceTheDatesAndFixesAreOver() throws Exception {
    harness.processElement(OneOf.third(roster(RosterMode.WFH)), Long.MIN_VALUE);
    LocationPing p = ping(LOC1_ONE_MINUTE_IN);
    harness.processElement(OneOf.second(p), p.timeMs);
    bothWatermarks(harness, THREE_DAYS_LATER);

    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) harness.getOperator();
    assertThat(((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries())
        .isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  static Unit tangerang() {
    return unit(UNIT, REGION, "Asia/Jakarta", 40);
  }

  static RosterEntry roster(RosterMode mode) {
    return Fixtures.roster(NIP, UNIT, DATE, mode);
  }

  static LocationPing ping(long timeMs) {
    return Fixtures.ping(UNIT, NIP, timeMs);
  }

  List<WindowResult> decided() {
    return harness.extractOutputValues().stream()
        .filter(r -> !"PENDING".equals(r.status.name()))
        .toList();
  }

  List<Alert> alerts() {
    var side = harness.getSideOutput(EmployeeTracker.LOCATION_ALERTS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  static List<String> describe(List<WindowResult> results) {
    return results.stream()
        .map(
            r ->
                String.join(
                    " ",
                    r.date,
                    r.window,
                    String.valueOf(r.status),
                    String.valueOf(r.previousStatus),
                    String.valueOf(r.eventTimeMs),
                    String.valueOf(r.checkinAt)))
        .toList();
  }
}

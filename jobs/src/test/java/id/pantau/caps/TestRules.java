package id.pantau.caps;

import id.pantau.events.CapPercent;
import id.pantau.events.Policy;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.fixtures.Fixtures;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.occupancy.RosterPlan;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The caps tests' units, rules and moments beside the shared fixtures: Monday 23 November 2026 in
 * Kota Tangerang (WIB, UTC+7), Kota Makassar (WITA, UTC+8) and Kota Jayapura (WIT, UTC+9). Times
 * without a zone in their name are WIB. The seed policy applies unless a test says otherwise: caps
 * LOW 75 %, MEDIUM 50 %, HIGH 25 %, EXPOSED 5 %; a 300 s dwell; service hours 08:00–15:00 local.
 */
final class TestRules extends Fixtures {
  // Units. Dishub Tangerang: 8 staff, so HIGH caps it at 2, MEDIUM at 4, LOW at 6, EXPOSED at 0.
  static final String UNIT = "tng-dishub";
  static final int HEADCOUNT = 8;
  static final int HIGH_CAP = 2;
  static final int MEDIUM_CAP = 4;

  // Essential units with a floor of 2 during service hours, one per time zone.
  static final String WIB_ESSENTIAL = "tng-disdukcapil";
  static final String WITA_ESSENTIAL = "mks-disdukcapil";
  static final String WIT_ESSENTIAL = "jyp-puskesmas";
  static final int FLOOR = 2;

  static final long FIVE_MINUTES = 5 * ONE_MINUTE; // the seed policy's dwell

  // Times of the day, WIB (SIX_AM is 08:00 WIT, SEVEN_AM 08:00 WITA).
  static final long TEN_FIFTY_NINE = at("2026-11-23T10:59:00+07:00");
  static final long FOUR_MINUTES_LATER = ELEVEN_AM + 4 * ONE_MINUTE;
  static final long FIVE_MINUTES_LATER = ELEVEN_AM + FIVE_MINUTES;
  static final long ONE_PM = at("2026-11-23T13:00:00+07:00"); // 15:00 WIT, service ends there
  static final long THREE_PM = at("2026-11-23T15:00:00+07:00");
  static final long TOMORROW_TEN_AM = at("2026-11-24T10:00:00+07:00");

  // Times of the day, WIT (UTC+9) and WITA (UTC+8).
  static final long SEVEN_FIFTY_NINE_WIT = at("2026-11-23T07:59:00+09:00");
  static final long EIGHT_AM_WIT = at("2026-11-23T08:00:00+09:00");
  static final long EIGHT_AM_WITA = at("2026-11-23T08:00:00+08:00");
  static final long THREE_PM_WITA = at("2026-11-23T15:00:00+08:00");
  static final long THREE_PM_WIT = at("2026-11-23T15:00:00+09:00");

  private TestRules() {}

  // Rules.

  static ZoneChange zone(String region, ZoneLevel level, long from) {
    ZoneChange z = new ZoneChange();
    z.region = region;
    z.level = level;
    z.setEffectiveFrom(wib(from));
    return z;
  }

  static Policy dwell(String region, long from, int seconds) {
    Policy p = policy(region, from);
    p.breachDwellS = seconds;
    return p;
  }

  static Policy highCap(String region, long from, int percent) {
    Policy p = policy(region, from);
    p.capPercent = new CapPercent();
    p.capPercent.high = percent;
    return p;
  }

  static OneOf<ZoneChange, Policy, Void> rule(ZoneChange z) {
    return OneOf.first(z);
  }

  static OneOf<ZoneChange, Policy, Void> rule(Policy p) {
    return OneOf.second(p);
  }

  /** When a rule version takes effect: its broadcast timestamp. */
  static long effectiveFrom(OneOf<ZoneChange, Policy, Void> r) {
    return r.value() instanceof ZoneChange z
        ? z.effectiveFromMs
        : ((Policy) r.value()).effectiveFromMs;
  }

  // Units as reference data, and their occupancy points.

  static Unit dishub() {
    return unit(UNIT, REGION, "Asia/Jakarta", HEADCOUNT);
  }

  static Unit essential(String id, String region, String timeZone) {
    Unit u = unit(id, region, timeZone, 10);
    u.essential = true;
    u.minPresent = FLOOR;
    return u;
  }

  static Unit wibEssential() {
    return essential(WIB_ESSENTIAL, REGION, "Asia/Jakarta");
  }

  static Unit witaEssential() {
    return essential(WITA_ESSENTIAL, WITA_REGION, "Asia/Makassar");
  }

  static Unit witEssential() {
    return essential(WIT_ESSENTIAL, WIT_REGION, "Asia/Jayapura");
  }

  /** The point the occupancy tracker would send for the unit at that moment. */
  static OccupancyUpdate point(Unit u, long timeMs, int present) {
    OccupancyUpdate o = new OccupancyUpdate(u.unitId, u.region, timeMs, present, u.headcount);
    o.timeZone = u.timeZone;
    o.essential = Boolean.TRUE.equals(u.essential);
    o.minPresent = u.minPresent == null ? 0 : u.minPresent;
    return o;
  }

  static OccupancyUpdate exposedPoint(Unit u, long timeMs, int present) {
    OccupancyUpdate o = point(u, timeMs, present);
    o.exposed = true;
    return o;
  }

  /** What the cap calculator would send for the unit: the limits given, the seed dwell. */
  static OccupancyStatus status(long timeMs, int present, Integer cap, int floor) {
    OccupancyStatus s = new OccupancyStatus(UNIT, REGION, timeMs, present, HEADCOUNT);
    s.cap = cap;
    s.floor = floor;
    s.dwellS = (int) (FIVE_MINUTES / ONE_SECOND);
    return s;
  }

  static OccupancyStatus overCapStatus(long timeMs, int present) {
    return status(timeMs, present, HIGH_CAP, 0);
  }

  // Roster plans, as the occupancy tracker sends them for each roster row.

  static RosterPlan plan(Unit u, String date, int scheduledOffice) {
    RosterPlan p = new RosterPlan();
    p.unitId = u.unitId;
    p.region = u.region;
    p.timeZone = u.timeZone;
    p.date = date;
    p.scheduledOffice = scheduledOffice;
    p.headcount = u.headcount;
    p.essential = Boolean.TRUE.equals(u.essential);
    p.minPresent = u.minPresent == null ? 0 : u.minPresent;
    return p;
  }

  /** The cap calculator in a harness, keyed by unit with the rules broadcast, as in the job. */
  static KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      calculator() throws Exception {
    return calculator(new CapCalculator());
  }

  /** A bounded replay's calculator: points wait until event time passes them. */
  static KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      replayCalculator() throws Exception {
    return calculator(new CapCalculator(true));
  }

  /** A bounded replay's calculator started from a snapshot (a savepoint), then opened. */
  static KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      restoredReplayCalculator(OperatorSubtaskState snapshot) throws Exception {
    KeyedBroadcastOperatorTestHarness<
            String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
        h =
            new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(
                    new CapCalculator(true), List.of(RegionRules.ZONES, RegionRules.POLICIES)),
                u -> u.unitId,
                Types.STRING,
                1,
                1,
                0);
    h.setup();
    h.initializeState(snapshot);
    h.open();
    return h;
  }

  private static KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      calculator(CapCalculator calculator) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        calculator, u -> u.unitId, Types.STRING, RegionRules.ZONES, RegionRules.POLICIES);
  }

  /** The keyed state entries an operator under test holds (the harness keeps them on the heap). */
  static int keyedStateEntries(AbstractStreamOperatorTestHarness<?> harness) {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }
}

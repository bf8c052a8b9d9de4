package id.pantau.compliance;

import id.pantau.caps.RegionRules;
import id.pantau.events.Policy;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;

/**
 * The check-in tracker's plans of dates, cached: a plan per date, unit, mode and shift serves every
 * employee of a unit, and deriving one parses dates, times and zones. Derived from the broadcast
 * units and policies, so any new version of those drops them all and bumps {@link #version()},
 * which re-derives each date at its employee's next fact or timer. Not checkpointed.
 */
final class DatePlans {
  static final int MAX_PLANS = 10_000;

  private record PlanKey(String date, String unitId, RosterMode mode, LocalTime shift) {}

  /** A unit's local date as instants [fromMs, toMs), and when facts of that date are dropped. */
  private record UnitDay(long fromMs, long toMs, long dropAtMs) {}

  private final Map<PlanKey, DayPlan> plans = new HashMap<>();
  private final Map<String, UnitDay> unitDays = new HashMap<>();
  private long version = 1;

  /** A unit or policy version came: every plan may have changed. */
  void referenceChanged() {
    plans.clear();
    unitDays.clear();
    version++;
  }

  /** The version of the reference data the plans come from (a restored date has 0). */
  long version() {
    return version;
  }

  /** The plan of a date for a mode and a crew's shift start (null: office hours). */
  DayPlan plan(
      ReadOnlyBroadcastState<String, Policy> policies,
      String date,
      RosterMode mode,
      LocalTime shift,
      Unit u)
      throws Exception {
    PlanKey key = new PlanKey(date, u.unitId, mode, shift);
    DayPlan p = plans.get(key);
    if (p == null) {
      if (plans.size() >= MAX_PLANS) plans.clear();
      Policy policy = RegionRules.policyAt(policies, u.region, DayPlan.dayStart(date, u.timeZone));
      p = DayPlan.of(date, mode, shift, u, policy);
      plans.put(key, p);
    }
    return p;
  }

  /** When the facts of the unit's local date at the moment are dropped. */
  long dropAt(ReadOnlyBroadcastState<String, Policy> policies, Unit u, long timeMs)
      throws Exception {
    UnitDay d = unitDays.get(u.unitId);
    if (d == null || timeMs < d.fromMs || timeMs >= d.toMs) {
      LocalDate date = Instant.ofEpochMilli(timeMs).atZone(ZoneId.of(u.timeZone)).toLocalDate();
      DayPlan p = plan(policies, date.toString(), null, null, u);
      long to = date.plusDays(1).atStartOfDay(ZoneId.of(u.timeZone)).toInstant().toEpochMilli();
      d = new UnitDay(p.dayStartMs, to, p.dropAtMs);
      unitDays.put(u.unitId, d);
    }
    return d.dropAtMs;
  }
}

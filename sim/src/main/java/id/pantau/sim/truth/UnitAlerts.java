package id.pantau.sim.truth;

import id.pantau.events.RosterEntry;
import id.pantau.sim.CityUnit;
import id.pantau.sim.SimDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The alerts about units on the date (jobs README, "Caps, floors and breaches"), each as its {@code
 * alertId} and phase: a planned breach for a roster that puts more staff in the office than the
 * lowest cap of its date (ROSTER_OVER_CAP, RAISED), or fewer than an essential unit's floor
 * (ROSTER_UNDER_FLOOR, RAISED); and each breach's opening and, when it ended, its closing.
 */
final class UnitAlerts {
  private UnitAlerts() {}

  static SortedSet<String> of(SimDay day, Rules rules, List<GroundTruth.Breach> breaches) {
    SortedSet<String> out = new TreeSet<>();
    String date = day.date().toString();
    Map<String, Integer> inOffice = new HashMap<>();
    for (RosterEntry r : day.rosters()) {
      if (!r.date.equals(date)) continue;
      inOffice.merge(r.unitId, r.mode.inOffice() ? 1 : 0, Integer::sum);
    }
    for (CityUnit u : day.city().units()) {
      Integer scheduled = inOffice.get(u.unitId());
      if (scheduled == null) continue; // no roster, no plan
      Integer cap = lowestCap(u, rules, day);
      if (cap != null && scheduled > cap) {
        out.add("ROSTER_OVER_CAP:" + u.unitId() + ":" + date + ":" + cap + " RAISED");
      }
      if (u.essential() && scheduled < u.minPresent()) {
        out.add("ROSTER_UNDER_FLOOR:" + u.unitId() + ":" + date + ":" + u.minPresent() + " RAISED");
      }
    }
    for (GroundTruth.Breach b : breaches) {
      String id = b.kind() + ":" + b.unitId() + ":" + b.startMs();
      out.add(id + " OPEN");
      if (b.endMs() != null) out.add(id + " CLOSE");
    }
    return out;
  }

  /** The lowest cap in force at any moment of the unit's date, or null with no zone level. */
  private static Integer lowestCap(CityUnit u, Rules rules, SimDay day) {
    long start = day.date().atStartOfDay(u.zone()).toInstant().toEpochMilli();
    long end = day.date().plusDays(1).atStartOfDay(u.zone()).toInstant().toEpochMilli();
    Integer lowest = null;
    for (SimDay.ZoneVersion z : day.zones()) {
      long from = z.effectiveFrom().toEpochMilli();
      if (!z.regionId().equals(u.region().id()) || from >= end) continue;
      long at = Math.max(from, start);
      if (rules.level(u.region().id(), at) == null) continue;
      int cap = rules.cap(u, at);
      lowest = lowest == null ? cap : Math.min(lowest, cap);
    }
    return lowest;
  }
}

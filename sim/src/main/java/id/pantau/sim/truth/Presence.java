package id.pantau.sim.truth;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.WorkMode;
import id.pantau.sim.CityUnit;
import id.pantau.sim.SimDay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who is in one unit's office over its local date, as a step function: at each second where it
 * changes, how many staff are present. The rule (README, "Occupancy in event time"): per employee
 * the latest attendance fact of the local day counts (at one instant a check-in beats a check-out);
 * present means that fact is a CHECK_IN in mode WFO; the day starts empty at local midnight.
 */
public final class Presence {
  private final long dayStartMs;
  private final long dayEndMs;
  private final TreeMap<Long, Integer> steps = new TreeMap<>();

  Presence(SimDay day, CityUnit unit) {
    this.dayStartMs = day.date().atStartOfDay(unit.zone()).toInstant().toEpochMilli();
    this.dayEndMs = day.date().plusDays(1).atStartOfDay(unit.zone()).toInstant().toEpochMilli();
    // Facts by instant; within one instant a check-in wins (it is the later fact of the two).
    TreeMap<Long, Map<String, Boolean>> byTime = new TreeMap<>();
    for (SimDay.Accepted a : day.accepted().values()) {
      AttendanceEvent e = a.planned().attendance();
      if (e == null || !unit.unitId().equals(e.unitId)) continue;
      long t = a.planned().at().toEpochMilli();
      if (t < dayStartMs || t >= dayEndMs) continue;
      boolean in = e.action == Action.CHECK_IN && e.mode == WorkMode.WFO;
      byTime.computeIfAbsent(t, k -> new HashMap<>()).merge(e.nip, in, Boolean::logicalOr);
    }
    Map<String, Boolean> latest = new HashMap<>();
    int present = 0;
    steps.put(dayStartMs, 0);
    for (Map.Entry<Long, Map<String, Boolean>> at : byTime.entrySet()) {
      for (Map.Entry<String, Boolean> f : at.getValue().entrySet()) {
        Boolean was = latest.put(f.getKey(), f.getValue());
        boolean wasIn = was != null && was;
        if (wasIn != f.getValue()) present += f.getValue() ? 1 : -1;
      }
      steps.put(at.getKey(), present);
    }
  }

  public long dayStartMs() {
    return dayStartMs;
  }

  public long dayEndMs() {
    return dayEndMs;
  }

  /** Staff present at {@code t} (an instant of the local date). */
  public int at(long t) {
    if (t < dayStartMs || t >= dayEndMs) {
      throw new IllegalArgumentException("outside the local date: " + Instant.ofEpochMilli(t));
    }
    return steps.floorEntry(t).getValue();
  }

  /** Every instant of the date where the count may change, in order. */
  public List<Long> changes() {
    return new ArrayList<>(steps.keySet());
  }
}

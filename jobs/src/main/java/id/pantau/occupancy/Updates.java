package id.pantau.occupancy;

import id.pantau.events.Unit;
import java.util.List;

/** The tracker's outputs built from what it knows of a unit at a moment. */
final class Updates {
  private Updates() {}

  /**
   * The exact point.
   *
   * @param scheduledOffice the roster's count for the day, or null without a roster
   * @param unscheduled those present without being scheduled (only with a roster)
   */
  static OccupancyUpdate exact(
      Unit u,
      long timeMs,
      int present,
      boolean exposed,
      Integer scheduledOffice,
      List<String> unscheduled) {
    OccupancyUpdate o = of(u, timeMs, present, exposed);
    o.scheduledOffice = scheduledOffice;
    if (scheduledOffice != null) {
      o.unscheduled = unscheduled.size();
      o.unscheduledNips = unscheduled.toArray(new String[0]);
    }
    return o;
  }

  /** The count with the events that wait, shown before the exact point overwrites it. */
  static OccupancyUpdate provisional(Unit u, long timeMs, int present, boolean exposed) {
    OccupancyUpdate o = of(u, timeMs, Math.max(0, present), exposed);
    o.provisional = true;
    return o;
  }

  /** What a unit's roster of one local date puts in the office. */
  static RosterPlan plan(Unit u, String date, Integer scheduledOffice, boolean exposed) {
    RosterPlan p = new RosterPlan();
    p.unitId = u.unitId;
    p.region = u.region;
    p.timeZone = u.timeZone;
    p.date = date;
    p.scheduledOffice = scheduledOffice == null ? 0 : scheduledOffice;
    p.headcount = u.headcount;
    p.essential = Boolean.TRUE.equals(u.essential);
    p.minPresent = u.minPresent == null ? 0 : u.minPresent;
    p.exposed = exposed;
    return p;
  }

  private static OccupancyUpdate of(Unit u, long timeMs, int present, boolean exposed) {
    OccupancyUpdate o = new OccupancyUpdate(u.unitId, u.region, timeMs, present, u.headcount);
    o.timeZone = u.timeZone;
    o.essential = Boolean.TRUE.equals(u.essential);
    o.minPresent = u.minPresent == null ? 0 : u.minPresent;
    o.exposed = exposed;
    return o;
  }
}

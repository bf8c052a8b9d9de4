package id.pantau.occupancy;

import id.pantau.events.Unit;
import java.util.List;
import org.apache.flink.util.Collector;

/** The points and roster plans of the current unit, from its state ({@link Updates}). */
final class UnitPoints {
  private final UnitState state;
  private final UnitDay day;

  UnitPoints(UnitState state, UnitDay day) {
    this.state = state;
    this.day = day;
  }

  /** The exact point at a moment. */
  void exact(Unit u, long timeMs, Collector<OccupancyUpdate> out) throws Exception {
    // The final watermark of a bounded input (a replay) is not a moment of the day.
    if (timeMs == Long.MAX_VALUE) return;
    int present = state.present();
    boolean exposed = state.exposedAt(timeMs);
    Integer scheduled = state.scheduledInOffice(day.of(u).dateOf(day.dayOf(timeMs, u)));
    List<String> unscheduled = scheduled == null ? null : state.unscheduled();
    out.collect(Updates.exact(u, timeMs, present, exposed, scheduled, unscheduled));
  }

  /** The count with the waiting events, at the second they fall due; overwritten by the exact. */
  void provisional(Unit u, long timeMs, Collector<OccupancyUpdate> out) throws Exception {
    int present = state.present() + state.ahead().delta();
    out.collect(Updates.provisional(u, timeMs, present, state.exposedAt(timeMs)));
  }

  /** What the unit's roster of a date puts in the office. */
  RosterPlan plan(Unit u, String date) throws Exception {
    Integer scheduled = state.scheduledInOffice(date);
    return Updates.plan(u, date, scheduled, state.exposedAt(day.of(u).startOf(date)));
  }
}

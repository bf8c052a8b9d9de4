package id.pantau.compliance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One employee's compliance state, in one value so that a fact costs one state access: the roster
 * row of each local date with its windows' last results, and the check-ins and pings kept (once per
 * eventId) until their date is dropped. Stored with {@link CheckinStateSerializer}.
 */
final class CheckinState {
  final List<Day> days;
  final List<Mark> marks;

  CheckinState() {
    this(new ArrayList<>(2), new ArrayList<>());
  }

  CheckinState(List<Day> days, List<Mark> marks) {
    this.days = days;
    this.marks = marks;
  }

  Day day(String date) {
    for (Day d : days) if (d.roster.date.equals(date)) return d;
    return null;
  }

  boolean hasMark(String eventId) {
    for (Mark m : marks) if (m.eventId.equals(eventId)) return true;
    return false;
  }

  /** Drops the marks whose date closed by the moment; returns them (for what rested on them). */
  List<Mark> dropMarks(long t) {
    List<Mark> dropped = null;
    for (Iterator<Mark> it = marks.iterator(); it.hasNext(); ) {
      Mark m = it.next();
      if (m.dropAtMs > t) continue;
      it.remove();
      if (dropped == null) dropped = new ArrayList<>();
      dropped.add(m);
    }
    return dropped == null ? List.of() : dropped;
  }

  /**
   * Whether an event-time timer at the moment is already set for this state: a kept fact or a
   * planned date is dropped then, and both go only when that timer fires.
   */
  boolean dropsAt(long t) {
    for (Mark m : marks) if (m.dropAtMs == t) return true;
    for (Day d : days) if (d.plan != null && d.plan.dropAtMs == t) return true;
    return false;
  }

  /** Whether any kept fact or planned date may need an event-time timer at the moment. */
  boolean mayNeedTimerAt(long t) {
    if (dropsAt(t)) return true;
    for (Mark m : marks) if (m.timeMs == t) return true;
    for (Day d : days) {
      if (d.plan == null) continue;
      for (DayPlan.Slot s : d.plan.slots) if (s.endMs() == t || s.decideMs() == t) return true;
    }
    return false;
  }

  boolean isEmpty() {
    return days.isEmpty() && marks.isEmpty();
  }
}

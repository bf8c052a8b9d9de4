package id.pantau.compliance;

import id.pantau.events.RosterEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * Derives a date's windows from its plan and the employee's kept facts at a moment (event time),
 * telling each change as a check-in record, and sets the timers at the moments a window can change
 * without a new fact.
 */
final class DayWindows {
  private DayWindows() {}

  /** Derives a whole date again: retracts windows no longer expected, tells what changed. */
  static boolean deriveDay(Day d, List<Mark> facts, long now, Collector<WindowResult> out) {
    RosterEntry roster = d.roster;
    DayPlan plan = d.plan;
    List<WindowState> before = d.windows;
    boolean changed = false;
    List<WindowState> kept = new ArrayList<>(plan.slots.size());
    for (WindowState ws : before) {
      if (ws.unitId.equals(roster.unitId) && WindowRules.slot(plan, ws.window) >= 0) {
        kept.add(ws);
        continue;
      }
      out.collect(
          WindowResults.result(
              roster, ws.window, ws, ComplianceStatus.EXCUSED, ws.status, null, null, now));
      changed = true;
    }
    // The windows in the order of the plan's slots, null where nothing was shown yet.
    List<WindowState> aligned = new ArrayList<>(plan.slots.size());
    for (DayPlan.Slot slot : plan.slots) {
      WindowState match = null;
      for (WindowState ws : kept) if (ws.window.equals(slot.window())) match = ws;
      aligned.add(match);
    }
    if (changed || aligned.size() != before.size() || aligned.contains(null)) changed = true;
    d.windows = aligned;
    for (int i = 0; i < plan.slots.size(); i++) {
      changed |= deriveWindow(d, i, plan.slots.get(i), facts, now, out);
    }
    return changed;
  }

  /** Derives one window (the i-th slot of the date's plan) at the moment; tells it if changed. */
  static boolean deriveWindow(
      Day d, int i, DayPlan.Slot s, List<Mark> facts, long now, Collector<WindowResult> out) {
    RosterEntry roster = d.roster;
    WindowState ws = d.windows.get(i);
    Mark basis = WindowRules.basis(s, facts, now);
    ComplianceStatus status = WindowRules.status(s, basis, now);
    // Same status in the same window: nothing new. A window a policy change moved is told
    // again, so the per-employee record shows the deadline that now applies.
    if (ws != null
        && ws.status == status
        && ws.windowEndMs == s.endMs()
        && ws.decideAtMs == s.decideMs()) return false;
    ComplianceStatus previous = ws == null ? null : ws.status;
    if (status == ComplianceStatus.LATE_UPLOAD && previous != ComplianceStatus.MISSED) {
      // As it happened live: decided MISSED, then corrected; a replay tells the same story.
      WindowState missed = WindowResults.state(d.unit, s, d.plan, ComplianceStatus.MISSED, null);
      out.collect(
          WindowResults.result(
              roster, s.window(), missed, missed.status, previous, null, null, now));
      previous = ComplianceStatus.MISSED;
    }
    WindowState next = WindowResults.state(d.unit, s, d.plan, status, basis);
    d.windows.set(i, next);
    out.collect(
        WindowResults.result(
            roster,
            s.window(),
            next,
            status,
            previous,
            basis == null ? null : basis.timeMs,
            basis == null ? null : basis.receivedMs,
            now));
    return true;
  }

  /** The timers a newly derived date needs: its windows' ends, decisions, late check-ins, drop. */
  static void schedule(DayPlan plan, List<Mark> facts, long now, TimerService timers) {
    for (DayPlan.Slot s : plan.slots) {
      timer(s.endMs(), now, timers);
      timer(s.decideMs(), now, timers);
      for (Mark m : facts) {
        if (m.ping == s.ping() && m.timeMs > s.endMs() && m.timeMs <= s.decideMs()) {
          timer(m.timeMs, now, timers); // a late check-in is decided when the watermark passes it
        }
      }
    }
    timer(plan.dropAtMs, now, timers);
  }

  /** An event-time timer at the moment, unless event time has passed it. */
  static void timer(long t, long now, TimerService timers) {
    if (t > now) timers.registerEventTimeTimer(t);
  }
}

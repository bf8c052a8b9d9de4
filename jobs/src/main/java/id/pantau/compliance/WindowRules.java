package id.pantau.compliance;

import java.util.List;

/**
 * The rules of one window, as plain functions of its slot, the employee's kept facts and the moment
 * (event time): which facts can count for it, the fact its status rests on, and the status. The
 * check-in tracker derives every window from these, so a window's status at a moment does not
 * depend on when it was asked.
 */
final class WindowRules {
  private WindowRules() {}

  /** Whether a check-in or ping can count for a window: its kind, in [start, decision]. */
  static boolean within(DayPlan.Slot s, Mark m) {
    return m.ping == s.ping() && m.timeMs >= s.startMs() && m.timeMs <= s.decideMs();
  }

  /** Whether a fact can count for any window of the plan. */
  static boolean counts(DayPlan plan, Mark m) {
    for (DayPlan.Slot slot : plan.slots) if (within(slot, m)) return true;
    return false;
  }

  /** The index of the plan's slot for a window, or -1. */
  static int slot(DayPlan plan, String window) {
    for (int i = 0; i < plan.slots.size(); i++) {
      if (plan.slots.get(i).window().equals(window)) return i;
    }
    return -1;
  }

  /**
   * The fact a window's status rests on at the moment: the earliest check-in in the window received
   * in time, else the earliest late one, else the earliest uploaded after the decision.
   */
  static Mark basis(DayPlan.Slot s, List<Mark> facts, long now) {
    Mark onTime = null;
    Mark late = null;
    Mark uploaded = null;
    for (Mark m : facts) {
      if (!within(s, m)) continue;
      if (m.receivedMs > s.decideMs()) uploaded = earliest(uploaded, m);
      else if (m.timeMs <= s.endMs()) onTime = earliest(onTime, m);
      else late = earliest(late, m);
    }
    if (onTime != null) return onTime;
    if (late != null) return late.timeMs <= now || now >= s.decideMs() ? late : null;
    return now >= s.decideMs() ? uploaded : null;
  }

  /** The status of a window at the moment, given its basis. */
  static ComplianceStatus status(DayPlan.Slot s, Mark basis, long now) {
    if (now == Long.MIN_VALUE || now < s.endMs()) return ComplianceStatus.PENDING;
    if (basis == null)
      return now >= s.decideMs() ? ComplianceStatus.MISSED : ComplianceStatus.PENDING;
    if (basis.receivedMs > s.decideMs()) return ComplianceStatus.LATE_UPLOAD;
    return basis.timeMs <= s.endMs() ? ComplianceStatus.ON_TIME : ComplianceStatus.LATE;
  }

  /** The earlier of two facts; at the same time the one received first (a fixed choice). */
  private static Mark earliest(Mark a, Mark b) {
    if (a == null || b.timeMs < a.timeMs) return b;
    return b.timeMs == a.timeMs && b.receivedMs < a.receivedMs ? b : a;
  }
}

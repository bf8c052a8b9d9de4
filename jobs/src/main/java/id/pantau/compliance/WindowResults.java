package id.pantau.compliance;

import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;

/** What the check-in tracker keeps of a window it decided, and the record it tells of it. */
final class WindowResults {
  private WindowResults() {}

  /** A window's last result as kept in the employee's state. */
  static WindowState state(
      Unit u, DayPlan.Slot s, DayPlan plan, ComplianceStatus status, Mark basis) {
    WindowState next = new WindowState();
    next.window = s.window();
    next.unitId = u.unitId;
    next.region = u.region;
    next.timeZone = u.timeZone;
    next.status = status;
    next.checkinAt = basis == null ? null : basis.timeMs;
    next.windowStartMs = s.startMs();
    next.windowEndMs = s.endMs();
    next.decideAtMs = s.decideMs();
    next.countAtMs = s.countAtMs();
    next.dropAtMs = plan.dropAtMs;
    return next;
  }

  /** The check-in record of a window's status, at the moment (else the window's start). */
  static WindowResult result(
      RosterEntry roster,
      String window,
      WindowState ws,
      ComplianceStatus status,
      ComplianceStatus previous,
      Long checkinAt,
      Long receivedAt,
      long now) {
    WindowResult r = new WindowResult();
    r.nip = roster.nip;
    r.unitId = ws.unitId;
    r.region = ws.region;
    r.timeZone = ws.timeZone;
    r.date = roster.date;
    r.window = window;
    r.mode = roster.mode;
    r.status = status;
    r.previousStatus = previous;
    r.eventTimeMs = now == Long.MIN_VALUE ? ws.windowStartMs : now;
    r.checkinAt = checkinAt;
    r.receivedAt = receivedAt;
    r.windowStartMs = ws.windowStartMs;
    r.windowEndMs = ws.windowEndMs;
    r.decideAtMs = ws.decideAtMs;
    r.countAtMs = ws.countAtMs != 0 ? ws.countAtMs : ws.windowEndMs;
    r.dropAtMs = ws.dropAtMs;
    return r;
  }
}

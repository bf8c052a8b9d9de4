package id.pantau.compliance;

import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * An employee's roster row for one local date, how long it may wait for its unit, and the last
 * result of each of its windows (in the order of its plan's slots once planned).
 */
final class Day {
  RosterEntry roster;

  /** Processing time after which a roster whose unit is still unknown is dead-lettered; 0: none. */
  long waitUntilMs;

  List<WindowState> windows = new ArrayList<>();

  // Not stored: the plan the windows were last derived with, and the version of the reference
  // data (units, policies) it came from. A version of 0 (after a restore, a roster change, or a
  // dropped fact the windows may rest on) re-derives the whole date at the next fact or timer.
  transient DayPlan plan;
  transient Unit unit;
  transient long refVersion;

  Day() {}

  Day(RosterEntry roster) {
    this.roster = roster;
  }
}

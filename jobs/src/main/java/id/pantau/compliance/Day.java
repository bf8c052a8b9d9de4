package id.pantau.compliance;

import id.pantau.events.RosterEntry;

/** An employee's roster row for one local date, and how long it may wait for its unit. */
public class Day {
  public RosterEntry roster;

  /** Processing time after which a roster whose unit is still unknown is dead-lettered; 0: none. */
  public long waitUntilMs;

  public Day() {}

  Day(RosterEntry roster) {
    this.roster = roster;
  }
}

package id.pantau.location;

import id.pantau.events.RosterEntry;

/**
 * What the per-employee location rules read, keyed by NIP: a fix, or the employee's roster row of a
 * date (its {@code homeRegion}, when given, is the region a WFH fix of that date must be in).
 */
public class LocationFact {
  public Fix fix;
  public RosterEntry roster;

  public LocationFact() {}

  public static LocationFact of(Fix f) {
    LocationFact x = new LocationFact();
    x.fix = f;
    return x;
  }

  public static LocationFact of(RosterEntry r) {
    LocationFact x = new LocationFact();
    x.roster = r;
    return x;
  }

  /** The key: the employee. */
  public static String nip(LocationFact x) {
    return x.fix != null ? x.fix.nip : x.roster.nip;
  }
}

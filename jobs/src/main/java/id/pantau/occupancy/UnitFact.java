package id.pantau.occupancy;

import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;

/** One of the facts that concern a single unit: its reference data, an exposure, a roster row. */
public class UnitFact {
  public Unit unit;
  public Exposure exposure;
  public RosterEntry roster;

  public UnitFact() {}

  public static UnitFact of(Unit u) {
    UnitFact f = new UnitFact();
    f.unit = u;
    return f;
  }

  public static UnitFact of(Exposure e) {
    UnitFact f = new UnitFact();
    f.exposure = e;
    return f;
  }

  public static UnitFact of(RosterEntry r) {
    UnitFact f = new UnitFact();
    f.roster = r;
    return f;
  }

  public String unitId() {
    if (unit != null) return unit.unitId;
    if (exposure != null) return exposure.unitId;
    return roster.unitId;
  }
}

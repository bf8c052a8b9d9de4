package id.pantau.access;

import java.util.Set;

/**
 * Who a token belongs to and what it may see: the units named, and every unit of the regions named.
 * A token with neither sees everything (an operator, a province-wide BKD).
 */
public record Principal(String name, Role role, Set<String> regions, Set<String> units) {
  public Principal {
    regions = Set.copyOf(regions);
    units = Set.copyOf(units);
  }

  public boolean seesEverything() {
    return regions.isEmpty() && units.isEmpty();
  }

  /** True when this principal may see the unit, which lies in the region. */
  public boolean mayView(String unitId, String region) {
    return seesEverything()
        || units.contains(unitId)
        || (region != null && regions.contains(region));
  }

  public boolean hasRole(Role... allowed) {
    for (Role r : allowed) if (r == role) return true;
    return false;
  }
}

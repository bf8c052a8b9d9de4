package id.pantau.api.hooks;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.events.Alert;
import java.util.List;
import java.util.Set;

/**
 * One webhook as stored on {@code pantau.hooks.v1} (key: its name): where to POST, which alerts
 * (each non-empty list narrows: region, unit and kind must each be listed), the signing secret, and
 * the scope of the token that saved it. The owner's scope is applied at every delivery too, so a
 * hook never sends an alert its owner could not see.
 *
 * @param ownerRegions the saving token's regions (empty with {@code ownerUnits} empty: everything)
 * @param ownerUnits the saving token's units
 */
public record Hook(
    String name,
    String url,
    List<String> regions,
    List<String> units,
    List<String> kinds,
    String secret,
    String owner,
    List<String> ownerRegions,
    List<String> ownerUnits,
    String savedAt) {

  public Hook {
    regions = List.copyOf(regions);
    units = List.copyOf(units);
    kinds = List.copyOf(kinds);
    ownerRegions = List.copyOf(ownerRegions);
    ownerUnits = List.copyOf(ownerUnits);
  }

  /** True when the alert is in the hook's scope, its owner's scope included. */
  public boolean covers(Alert a) {
    return ownerScope().mayView(a.unitId, a.region)
        && (regions.isEmpty() || regions.contains(a.region))
        && (units.isEmpty() || units.contains(a.unitId))
        && (kinds.isEmpty() || kinds.contains(a.kind));
  }

  /**
   * True when the caller may read or change this hook: its scope holds the owner's (a caller seeing
   * everything, or with every region and unit of the owner's).
   */
  public boolean withinScopeOf(Principal caller) {
    if (caller.seesEverything()) return true;
    if (ownerRegions.isEmpty() && ownerUnits.isEmpty()) return false;
    return caller.regions().containsAll(ownerRegions) && caller.units().containsAll(ownerUnits);
  }

  /** The hook as the API shows it: everything but the secret. */
  public HookView view() {
    return new HookView(name, url, regions, units, kinds, owner, savedAt);
  }

  private Principal ownerScope() {
    return new Principal(owner, Role.BKD_ADMIN, Set.copyOf(ownerRegions), Set.copyOf(ownerUnits));
  }
}

package id.pantau.ingest;

import id.pantau.access.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a token may change what a request names, checked for the whole request before anything is
 * published, with one message format: {@code [line 3: ]region: the token 'bkd-banten' may not
 * change region 'jawa-timur' (its regions: [banten])}. A token names regions, units or both; a
 * unit-keyed record (exposure, roster) is in scope when the token names its unit, or the region
 * ingest knows the unit to be in.
 */
final class Scope {
  /** What one record changes: a region, or a unit (whose region may be unknown to ingest). */
  record Target(String where, String region, String unitId) {
    static Target region(String where, String region) {
      return new Target(where, region, null);
    }

    static Target unit(String where, String unitId, String region) {
      return new Target(where, region, unitId);
    }
  }

  private final UnitDirectory directory;

  Scope(UnitDirectory directory) {
    this.directory = directory;
  }

  /** 403 naming every target out of scope, or nothing. */
  void check(Principal principal, List<Target> targets, String what) {
    if (principal.seesEverything()) return;
    Set<String> errors = new LinkedHashSet<>();
    for (Target t : targets) {
      String reason = refusal(principal, t);
      if (reason != null) errors.add(t.where() == null ? reason : t.where() + ": " + reason);
    }
    if (!errors.isEmpty()) {
      throw IngestException.forbidden(
          "the token may not change " + what + " outside its scope; nothing was stored",
          new ArrayList<>(errors));
    }
  }

  private String refusal(Principal principal, Target t) {
    if (t.unitId() == null) {
      return principal.regions().contains(t.region()) ? null : mayNot(principal, t, t.region());
    }
    if (principal.units().contains(t.unitId())) return null;
    String region = t.region() != null ? t.region() : directory.regionOf(t.unitId());
    if (region != null && principal.regions().contains(region)) return null;
    if (region == null && !principal.regions().isEmpty()) {
      return "unitId: unit '"
          + t.unitId()
          + "' is not known to ingest, so the token's regions cannot be checked (PUT /v1/units/"
          + t.unitId()
          + " first)";
    }
    return mayNot(principal, t, region);
  }

  private static String mayNot(Principal principal, Target t, String region) {
    String thing =
        t.unitId() == null
            ? "region '" + region + "'"
            : "unit '" + t.unitId() + "'" + (region == null ? "" : " of region '" + region + "'");
    return "region: the token '"
        + principal.name()
        + "' may not change "
        + thing
        + (principal.regions().isEmpty() ? "" : " (its regions: " + principal.regions() + ")");
  }
}

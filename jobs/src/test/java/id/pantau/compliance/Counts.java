package id.pantau.compliance;

import java.util.List;

/**
 * A unit's compliance count made as {@link UnitWindowCounter} makes it: each result's status
 * counted once, so expected, missed and the rate always agree with the counts.
 */
public final class Counts {
  private Counts() {}

  public static ComplianceCount of(
      String unitId,
      String region,
      String date,
      String window,
      long timeMs,
      List<ComplianceStatus> results) {
    ComplianceCount c = new ComplianceCount();
    c.unitId = unitId;
    c.region = region;
    c.date = date;
    c.window = window;
    results.forEach(s -> c.apply(s, 1));
    c.timeMs = timeMs;
    return c;
  }
}

package id.pantau.daily;

import id.pantau.sink.Lines;

/**
 * Measurement `daily`: tags unit, region; fields attendance_rate and wfh_compliance (each left out
 * when nobody was expected), peak_present, mean_present, minutes_over_cap (left out while no
 * occupancy is known) and alerts. The point's time is the local midnight that starts the date, so
 * every provisional point and the final one rewrite the same point, as does a replay. Write it to
 * the retention policy {@link id.pantau.sink.Retention#TRENDS}. No NIP.
 */
public final class DailyLines {
  private DailyLines() {}

  public static String encode(DailyRollup r) {
    StringBuilder sb = Lines.measurement("daily");
    Lines.tag(sb, "unit", r.unitId);
    if (r.region != null) Lines.tag(sb, "region", r.region);
    boolean first = true;
    if (r.attendanceRate != null) first = field(sb, first, "attendance_rate", r.attendanceRate);
    if (r.wfhCompliance != null) first = field(sb, first, "wfh_compliance", r.wfhCompliance);
    if (r.peakPresent != null) first = field(sb, first, "peak_present", (long) r.peakPresent);
    if (r.meanPresent != null) first = field(sb, first, "mean_present", r.meanPresent);
    if (r.minutesOverCap != null) first = field(sb, first, "minutes_over_cap", r.minutesOverCap);
    field(sb, first, "alerts", (long) r.alerts);
    return Lines.time(sb, r.dayStartMs);
  }

  private static boolean field(StringBuilder sb, boolean first, String key, double value) {
    if (first) Lines.firstField(sb, key, value);
    else Lines.field(sb, key, value);
    return false;
  }

  private static boolean field(StringBuilder sb, boolean first, String key, long value) {
    if (first) Lines.firstField(sb, key, value);
    else Lines.field(sb, key, value);
    return false;
  }
}

package id.pantau.daily;

import id.pantau.sink.Line;

/**
 * Measurement `daily`: tags unit, region; fields attendance_rate with attendance_expected and
 * attendance_reported, wfh_compliance with wfh_expected and wfh_reported (each left out when nobody
 * was expected; the counts let a week's rate be a ratio of sums), peak_present, mean_present,
 * minutes_over_cap (left out while no occupancy is known), alerts and breaches. The point's time is
 * the local midnight that starts the date, so every provisional point and the final one rewrite the
 * same point, as does a replay. Write it to the retention policy {@link
 * id.pantau.sink.Retention#TRENDS}. No NIP.
 */
public final class DailyLines {
  private DailyLines() {}

  public static String encode(DailyRollup r) {
    return Line.of("daily")
        .tag("unit", r.unitId)
        .tagIfKnown("region", r.region)
        .fieldIfKnown("attendance_rate", r.attendanceRate)
        .fieldIfKnown("attendance_expected", r.attendanceExpected)
        .fieldIfKnown("attendance_reported", r.attendanceReported)
        .fieldIfKnown("wfh_compliance", r.wfhCompliance)
        .fieldIfKnown("wfh_expected", r.wfhExpected)
        .fieldIfKnown("wfh_reported", r.wfhReported)
        .fieldIfKnown("peak_present", r.peakPresent)
        .fieldIfKnown("mean_present", r.meanPresent)
        .fieldIfKnown("minutes_over_cap", r.minutesOverCap)
        .field("alerts", r.alerts)
        .field("breaches", r.breaches)
        .at(r.dayStartMs);
  }
}

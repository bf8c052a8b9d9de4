package id.pantau.api.report;

import id.pantau.api.TrendRow;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Daily rollups added up: counts summed, rates as ratios of the sums ({@code sum(on time + late) /
 * sum(expected)}), never averages of daily rates, so a big unit or a full day weighs as much as its
 * staff. A rollup without counts (written before the jobs wrote them) adds nothing to a rate.
 */
public record Totals(
    long attendanceExpected,
    long attendanceReported,
    long wfhExpected,
    long wfhReported,
    long breaches,
    long minutesOverCap,
    int units,
    int rollups) {

  public static Totals of(Collection<TrendRow> rows) {
    long ae = 0, ar = 0, we = 0, wr = 0, breaches = 0, minutes = 0;
    Set<String> units = new HashSet<>();
    for (TrendRow r : rows) {
      if (r.attendanceExpected() != null && r.attendanceReported() != null) {
        ae += r.attendanceExpected();
        ar += r.attendanceReported();
      }
      if (r.wfhExpected() != null && r.wfhReported() != null) {
        we += r.wfhExpected();
        wr += r.wfhReported();
      }
      breaches += r.breaches() == null ? 0 : r.breaches();
      minutes += r.minutesOverCap() == null ? 0 : r.minutesOverCap();
      units.add(r.unit());
    }
    return new Totals(ae, ar, we, wr, breaches, minutes, units.size(), rows.size());
  }

  /** sum(on time + late) / sum(expected) of ATTENDANCE; null when nobody was expected. */
  public Double attendanceRate() {
    return ratio(attendanceReported, attendanceExpected);
  }

  /** sum(on time + late) / sum(expected) over the location windows; null when none expected. */
  public Double wfhCompliance() {
    return ratio(wfhReported, wfhExpected);
  }

  /** No rollup at all. */
  public boolean empty() {
    return rollups == 0;
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : part / (double) whole;
  }
}

package id.pantau.api.report;

import id.pantau.api.TrendRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's figures from the daily rollups alone: pure, so a table of rollups tests it. */
public final class WeeklyFigures {
  /**
   * Best first: the higher rate (compared exactly, as fractions), then more staff expected (the
   * rate holds for more people), then the unit ID.
   */
  static final Comparator<WeeklyReport.UnitRate> BEST_FIRST =
      ((Comparator<WeeklyReport.UnitRate>)
              (a, b) -> Long.compare(b.reported() * a.expected(), a.reported() * b.expected()))
          .thenComparing(Comparator.comparingLong(WeeklyReport.UnitRate::expected).reversed())
          .thenComparing(WeeklyReport.UnitRate::unit);

  /**
   * Worst first: the lower rate, then more staff expected (the shortfall touches more people), then
   * the unit ID.
   */
  static final Comparator<WeeklyReport.UnitRate> WORST_FIRST =
      ((Comparator<WeeklyReport.UnitRate>)
              (a, b) -> Long.compare(a.reported() * b.expected(), b.reported() * a.expected()))
          .thenComparing(Comparator.comparingLong(WeeklyReport.UnitRate::expected).reversed())
          .thenComparing(WeeklyReport.UnitRate::unit);

  private WeeklyFigures() {}

  /**
   * The report of the region's week from its rollups of that week and the week before (rows of
   * other dates or regions are ignored).
   */
  public static WeeklyReport of(String region, IsoWeek week, List<TrendRow> rows) {
    IsoWeek previous = week.previous();
    List<TrendRow> thisWeek = new ArrayList<>();
    List<TrendRow> lastWeek = new ArrayList<>();
    for (TrendRow r : rows) {
      if (!region.equals(r.region())) continue;
      LocalDate date = LocalDate.parse(r.date());
      if (week.contains(date)) thisWeek.add(r);
      else if (previous.contains(date)) lastWeek.add(r);
    }
    Totals now = Totals.of(thisWeek);
    Totals before = Totals.of(lastWeek);
    List<WeeklyReport.UnitRate> units = unitRates(thisWeek);
    return new WeeklyReport(
        region,
        week,
        now,
        before,
        change(now, before),
        units.stream().min(BEST_FIRST).orElse(null),
        units.stream().min(WORST_FIRST).orElse(null),
        days(week, thisWeek));
  }

  /** Each unit's attendance over the rows, the units with nobody expected left out. */
  static List<WeeklyReport.UnitRate> unitRates(List<TrendRow> rows) {
    Map<String, List<TrendRow>> byUnit = new TreeMap<>();
    for (TrendRow r : rows) byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r);
    List<WeeklyReport.UnitRate> out = new ArrayList<>();
    byUnit.forEach(
        (unit, unitRows) -> {
          Totals t = Totals.of(unitRows);
          if (t.attendanceExpected() > 0) {
            out.add(
                new WeeklyReport.UnitRate(unit, t.attendanceExpected(), t.attendanceReported()));
          }
        });
    return out;
  }

  static WeeklyReport.Change change(Totals now, Totals before) {
    boolean both = !now.empty() && !before.empty();
    return new WeeklyReport.Change(
        difference(now.attendanceRate(), before.attendanceRate()),
        difference(now.wfhCompliance(), before.wfhCompliance()),
        both ? now.breaches() - before.breaches() : null,
        both ? now.minutesOverCap() - before.minutesOverCap() : null);
  }

  private static Double difference(Double now, Double before) {
    return now == null || before == null ? null : now - before;
  }

  /** Monday to Sunday, a date without rollups included with empty totals. */
  private static List<WeeklyReport.Day> days(IsoWeek week, List<TrendRow> rows) {
    List<WeeklyReport.Day> out = new ArrayList<>();
    for (LocalDate d = week.monday(); !d.isAfter(week.sunday()); d = d.plusDays(1)) {
      String date = d.toString();
      out.add(
          new WeeklyReport.Day(
              d, Totals.of(rows.stream().filter(r -> r.date().equals(date)).toList())));
    }
    return out;
  }
}

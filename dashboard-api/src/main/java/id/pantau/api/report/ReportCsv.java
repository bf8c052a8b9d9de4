package id.pantau.api.report;

import id.pantau.api.Csv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report as CSV, one header row for every row: {@code row} tells what a row holds ({@code
 * week}, {@code previous_week}, {@code change}, {@code best_unit}, {@code worst_unit}, {@code
 * day}); rates as fractions, a cell a row does not have is empty.
 */
public final class ReportCsv {
  public static final List<String> HEADER =
      List.of(
          "region",
          "week",
          "row",
          "date",
          "unit",
          "attendanceRate",
          "attendanceReported",
          "attendanceExpected",
          "wfhCompliance",
          "wfhReported",
          "wfhExpected",
          "breaches",
          "minutesOverCap",
          "units");

  private ReportCsv() {}

  public static String render(WeeklyReport r) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(totals(r, "week", null, r.thisWeek()));
    rows.add(totals(r, "previous_week", null, r.previousWeek()));
    WeeklyReport.Change c = r.change();
    rows.add(
        row(
            r,
            "change",
            null,
            null,
            c.attendanceRate(),
            null,
            null,
            c.wfhCompliance(),
            null,
            null,
            c.breaches(),
            c.minutesOverCap(),
            null));
    rows.add(unit(r, "best_unit", r.best()));
    rows.add(unit(r, "worst_unit", r.worst()));
    for (WeeklyReport.Day d : r.days()) rows.add(totals(r, "day", d.date().toString(), d.totals()));
    return Csv.of(HEADER, rows);
  }

  private static List<Object> totals(WeeklyReport r, String kind, String date, Totals t) {
    return row(
        r,
        kind,
        date,
        null,
        t.attendanceRate(),
        t.attendanceReported(),
        t.attendanceExpected(),
        t.wfhCompliance(),
        t.wfhReported(),
        t.wfhExpected(),
        t.breaches(),
        t.minutesOverCap(),
        t.units());
  }

  private static List<Object> unit(WeeklyReport r, String kind, WeeklyReport.UnitRate u) {
    return u == null
        ? row(r, kind, null, null, null, null, null, null, null, null, null, null, null)
        : row(
            r,
            kind,
            null,
            u.unit(),
            u.rate(),
            u.reported(),
            u.expected(),
            null,
            null,
            null,
            null,
            null,
            null);
  }

  private static List<Object> row(WeeklyReport r, String kind, String date, Object... cells) {
    List<Object> row = new ArrayList<>(Arrays.asList(r.region(), r.week().toString(), kind, date));
    row.addAll(Arrays.asList(cells));
    return row;
  }
}

package id.pantau.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The query over measurement {@code compliance} (tags {@code unit}, {@code region}, {@code window};
 * fields {@code expected}, {@code on_time}, {@code late}, {@code missed}, {@code late_upload},
 * {@code pending}, {@code rate}), written by the compliance job: one point per unit, window and
 * local date at the window's end, rewritten on every change. Values from requests only ever reach
 * InfluxDB as bound parameters.
 */
public final class ComplianceReader {
  public static final String MEASUREMENT = "compliance";

  private static final String SELECT =
      "SELECT \"expected\", \"on_time\", \"late\", \"missed\", \"late_upload\", \"pending\","
          + " \"rate\" FROM \"compliance\" WHERE time >= $from AND time < $to";
  private static final String LATEST =
      " GROUP BY \"unit\", \"region\", \"window\" ORDER BY time DESC LIMIT 1";

  private static final Comparator<ComplianceRow> ORDER =
      RowOrder.byKeys(ComplianceRow::region, ComplianceRow::unit, ComplianceRow::window);

  private final Influx influx;

  /** Queries the database of the connection, which the caller keeps (and closes). */
  public ComplianceReader(Influx influx) {
    this.influx = Objects.requireNonNull(influx, "influx");
  }

  /**
   * The latest point of each unit and window whose time falls on the local date in WIB, WITA or
   * WIT, sorted by region, unit, window.
   *
   * @param unit null for every unit
   * @param window null for every window
   */
  public List<ComplianceRow> rows(LocalDate date, String unit, String window) {
    Select select =
        new Select(SELECT, LATEST, LocalDates.earliestStart(date), LocalDates.latestEnd(date))
            .where("unit", unit)
            .where("window", window);
    List<ComplianceRow> rows =
        influx.rows(
            select,
            (tags, r) ->
                new ComplianceRow(
                    tags.get("unit"),
                    tags.get("region"),
                    tags.get("window"),
                    r.integer("expected"),
                    r.integer("on_time"),
                    r.integer("late"),
                    r.integer("missed"),
                    r.integer("late_upload"),
                    r.integer("pending"),
                    r.decimal("rate"),
                    r.time(),
                    null));
    rows.sort(ORDER);
    return rows;
  }
}

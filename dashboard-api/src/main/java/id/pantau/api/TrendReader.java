package id.pantau.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The query over measurement {@code daily} (tags {@code unit}, {@code region}; fields {@code
 * attendance_rate}, {@code wfh_compliance}, {@code peak_present}, {@code mean_present}, {@code
 * minutes_over_cap}, {@code alerts}, {@code attendance_expected}, {@code attendance_reported},
 * {@code wfh_expected}, {@code wfh_reported}, {@code breaches}): one point per unit and local date,
 * at the local midnight starting the day. Values from requests only ever reach InfluxDB as bound
 * parameters.
 */
public final class TrendReader {
  public static final String MEASUREMENT = "daily";

  private static final String SELECT =
      "SELECT \"attendance_rate\", \"wfh_compliance\", \"peak_present\", \"mean_present\","
          + " \"minutes_over_cap\", \"alerts\", \"attendance_expected\", \"attendance_reported\","
          + " \"wfh_expected\", \"wfh_reported\", \"breaches\" FROM \"trends\".\"daily\" WHERE time >= $from AND time < $to";
  private static final String GROUP = " GROUP BY \"unit\", \"region\"";

  private static final Comparator<TrendRow> ORDER =
      RowOrder.byKeys(TrendRow::date, TrendRow::region, TrendRow::unit);

  private final Influx influx;

  /** Queries the database of the connection, which the caller keeps (and closes). */
  public TrendReader(Influx influx) {
    this.influx = Objects.requireNonNull(influx, "influx");
  }

  /**
   * The rollups of the local dates from {@code from} to {@code to} (both included), sorted by date,
   * region, unit.
   *
   * @param unit null for every unit
   * @param region null for every region
   */
  public List<TrendRow> rows(LocalDate from, LocalDate to, String unit, String region) {
    Select select =
        new Select(SELECT, GROUP, LocalDates.earliestStart(from), LocalDates.latestEnd(to))
            .where("unit", unit)
            .where("region", region);
    List<TrendRow> rows = influx.rows(select, (tags, r) -> row(tags, r, from, to));
    rows.sort(ORDER);
    return rows;
  }

  /** The row of a point whose local midnight starts a date from..to; else null. */
  private static TrendRow row(Map<String, String> tags, InfluxRow r, LocalDate from, LocalDate to) {
    Long ms = r.epochMs();
    if (ms == null) return null;
    LocalDate date = LocalDates.ofMidnight(Instant.ofEpochMilli(ms));
    if (date.isBefore(from) || date.isAfter(to)) return null;
    return new TrendRow(
        date.toString(),
        tags.get("unit"),
        tags.get("region"),
        r.decimal("attendance_rate"),
        r.decimal("wfh_compliance"),
        r.integer("peak_present"),
        r.decimal("mean_present"),
        r.integer("minutes_over_cap"),
        r.integer("alerts"),
        r.integer("attendance_expected"),
        r.integer("attendance_reported"),
        r.integer("wfh_expected"),
        r.integer("wfh_reported"),
        r.integer("breaches"));
  }
}

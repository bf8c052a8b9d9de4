package id.pantau.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.influxdb.dto.BoundParameterQuery.QueryBuilder;
import org.influxdb.dto.QueryResult;

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
  private static final String BY_UNIT = " AND \"unit\" = $unit";
  private static final String BY_REGION = " AND \"region\" = $region";
  private static final String GROUP = " GROUP BY \"unit\", \"region\"";

  private static final Comparator<TrendRow> ORDER =
      Comparator.comparing(TrendRow::date)
          .thenComparing(TrendRow::region, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TrendRow::unit, Comparator.nullsLast(Comparator.naturalOrder()));

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
    StringBuilder text = new StringBuilder(SELECT);
    if (unit != null) text.append(BY_UNIT);
    if (region != null) text.append(BY_REGION);
    text.append(GROUP);
    QueryBuilder b =
        QueryBuilder.newQuery(text.toString())
            .forDatabase(influx.database())
            .bind("from", LocalDates.earliestStart(from).toString())
            .bind("to", LocalDates.latestEnd(to).toString());
    if (unit != null) b.bind("unit", unit);
    if (region != null) b.bind("region", region);

    List<TrendRow> rows = new ArrayList<>();
    for (QueryResult.Series s : influx.series(b.create())) {
      Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
      if (s.getValues() == null) continue;
      for (List<Object> values : s.getValues()) {
        InfluxRow r = new InfluxRow(s.getColumns(), values);
        Long ms = r.epochMs();
        if (ms == null) continue;
        LocalDate date = LocalDates.ofMidnight(Instant.ofEpochMilli(ms));
        if (date.isBefore(from) || date.isAfter(to)) continue;
        rows.add(
            new TrendRow(
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
                r.integer("breaches")));
      }
    }
    rows.sort(ORDER);
    return rows;
  }
}

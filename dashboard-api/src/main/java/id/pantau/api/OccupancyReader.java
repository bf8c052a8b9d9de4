package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.influxdb.dto.BoundParameterQuery.QueryBuilder;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The queries over measurement {@code occupancy} (tags {@code unit}, {@code region}; fields {@code
 * present}, {@code headcount}, {@code share}, {@code cap}, {@code floor}). Values from requests
 * only ever reach InfluxDB as bound parameters.
 */
public final class OccupancyReader {
  public static final String MEASUREMENT = "occupancy";

  /** A unit silent for longer than this is no longer on the board. */
  public static final Duration LATEST_LOOKBACK = Duration.ofHours(36);

  private static final String LATEST =
      "SELECT * FROM occupancy WHERE time > now() - 36h"
          + " GROUP BY unit, region ORDER BY time DESC LIMIT 1";

  private static final String REGION_OF =
      "SELECT last(present) AS present FROM occupancy WHERE unit = $unit GROUP BY region";

  private static final String SERIES =
      "SELECT last(present) AS present, last(headcount) AS headcount, last(share) AS share,"
          + " last(cap) AS cap, last(floor) AS floor FROM occupancy"
          + " WHERE unit = $unit AND time >= $from AND time < $to"
          + " GROUP BY time(%s) fill(previous)";

  private final Influx influx;

  /** Queries the database of the connection, which the caller keeps (and closes). */
  public OccupancyReader(Influx influx) {
    this.influx = Objects.requireNonNull(influx, "influx");
  }

  public String database() {
    return influx.database();
  }

  /**
   * The latest point of every unit heard from in the last 36 hours, sorted by region, then unit.
   */
  public List<OccupancyRow> latest() {
    List<OccupancyRow> rows = new ArrayList<>();
    for (QueryResult.Series s : influx.series(new Query(LATEST, influx.database()))) {
      Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
      if (s.getValues() == null || s.getValues().isEmpty()) continue;
      InfluxRow r = new InfluxRow(s.getColumns(), s.getValues().get(0));
      Integer present = r.integer("present");
      Integer cap = r.integer("cap");
      Integer floor = r.integer("floor");
      rows.add(
          new OccupancyRow(
              tags.get("unit"),
              tags.get("region"),
              present,
              r.integer("headcount"),
              r.decimal("share"),
              cap,
              floor,
              Status.of(present, cap, floor),
              r.time(),
              null));
    }
    rows.sort(OccupancyRow.BOARD_ORDER);
    return rows;
  }

  /** The region tag of the unit's latest point; empty when the unit has no data at all. */
  public Optional<String> regionOf(String unit) {
    Query q =
        QueryBuilder.newQuery(REGION_OF).forDatabase(influx.database()).bind("unit", unit).create();
    String region = null;
    long latest = Long.MIN_VALUE;
    for (QueryResult.Series s : influx.series(q)) {
      if (s.getValues() == null || s.getValues().isEmpty()) continue;
      Long t = new InfluxRow(s.getColumns(), s.getValues().get(0)).epochMs();
      String tag = s.getTags() == null ? null : s.getTags().get("region");
      if (t != null && t > latest) {
        latest = t;
        region = tag;
      }
    }
    return Optional.ofNullable(region);
  }

  /**
   * The unit's readings in [from, to), one point a step: the last reading of each step, carried
   * forward over steps without one.
   */
  public List<SeriesPoint> series(String unit, Instant from, Instant to, Step step) {
    Query q =
        QueryBuilder.newQuery(String.format(SERIES, step.literal()))
            .forDatabase(influx.database())
            .bind("unit", unit)
            .bind("from", from.toString())
            .bind("to", to.toString())
            .create();
    List<SeriesPoint> points = new ArrayList<>();
    for (QueryResult.Series s : influx.series(q)) {
      if (s.getValues() == null) continue;
      for (List<Object> values : s.getValues()) {
        InfluxRow r = new InfluxRow(s.getColumns(), values);
        Integer present = r.integer("present");
        Integer cap = r.integer("cap");
        Integer floor = r.integer("floor");
        points.add(
            new SeriesPoint(
                r.time(),
                present,
                r.integer("headcount"),
                r.decimal("share"),
                cap,
                floor,
                Status.of(present, cap, floor)));
      }
    }
    return points;
  }
}

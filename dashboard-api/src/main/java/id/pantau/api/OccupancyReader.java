package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery.QueryBuilder;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Every InfluxDB query of the dashboard, over measurement {@code occupancy} (tags {@code unit},
 * {@code region}; fields {@code present}, {@code headcount}, {@code share}, {@code cap}, {@code
 * floor}). Values from requests only ever reach InfluxDB as bound parameters.
 */
public final class OccupancyReader implements AutoCloseable {
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

  private final InfluxDB influx;
  private final String database;
  private final boolean ownsClient;

  /** Connects to the InfluxDB 1.x HTTP API at the URL, e.g. http://127.0.0.1:8086. */
  public OccupancyReader(String url, String database) {
    this(
        InfluxDBFactory.connect(
            url,
            new OkHttpClient.Builder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(10, TimeUnit.SECONDS)),
        database,
        true);
  }

  /** Reads through a client the caller keeps (and closes). */
  public OccupancyReader(InfluxDB influx, String database) {
    this(influx, database, false);
  }

  private OccupancyReader(InfluxDB influx, String database, boolean ownsClient) {
    this.influx = Objects.requireNonNull(influx, "influx");
    this.database = Objects.requireNonNull(database, "database");
    this.ownsClient = ownsClient;
  }

  public String database() {
    return database;
  }

  /**
   * The latest point of every unit heard from in the last 36 hours, sorted by region, then unit.
   */
  public List<OccupancyRow> latest() {
    List<OccupancyRow> rows = new ArrayList<>();
    for (QueryResult.Series s : series(new Query(LATEST, database))) {
      Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
      if (s.getValues() == null || s.getValues().isEmpty()) continue;
      Row r = new Row(s.getColumns(), s.getValues().get(0));
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
              r.time()));
    }
    rows.sort(
        Comparator.comparing(OccupancyRow::region, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OccupancyRow::unit, Comparator.nullsLast(Comparator.naturalOrder())));
    return rows;
  }

  /** The region tag of the unit's latest point; empty when the unit has no data at all. */
  public Optional<String> regionOf(String unit) {
    Query q = QueryBuilder.newQuery(REGION_OF).forDatabase(database).bind("unit", unit).create();
    String region = null;
    long latest = Long.MIN_VALUE;
    for (QueryResult.Series s : series(q)) {
      if (s.getValues() == null || s.getValues().isEmpty()) continue;
      Long t = new Row(s.getColumns(), s.getValues().get(0)).epochMs();
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
            .forDatabase(database)
            .bind("unit", unit)
            .bind("from", from.toString())
            .bind("to", to.toString())
            .create();
    List<SeriesPoint> points = new ArrayList<>();
    for (QueryResult.Series s : series(q)) {
      if (s.getValues() == null) continue;
      for (List<Object> values : s.getValues()) {
        Row r = new Row(s.getColumns(), values);
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

  /** True when InfluxDB answers its ping. */
  public boolean ping() {
    try {
      Pong pong = influx.ping();
      return pong != null && pong.isGood();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The series of the first statement's result, times in epoch milliseconds. A database that does
   * not exist yet (nothing written so far) reads as empty.
   */
  private List<QueryResult.Series> series(Query q) {
    QueryResult result;
    try {
      result = influx.query(q, TimeUnit.MILLISECONDS);
    } catch (InfluxDBException e) {
      if (isMissingDatabase(e.getMessage())) return List.of();
      throw e;
    }
    if (result.hasError()) {
      if (isMissingDatabase(result.getError())) return List.of();
      throw new InfluxDBException(result.getError());
    }
    if (result.getResults() == null || result.getResults().isEmpty()) return List.of();
    QueryResult.Result first = result.getResults().get(0);
    if (first.hasError()) {
      if (isMissingDatabase(first.getError())) return List.of();
      throw new InfluxDBException(first.getError());
    }
    return first.getSeries() == null ? List.of() : first.getSeries();
  }

  private static boolean isMissingDatabase(String error) {
    return error != null && error.contains("database not found");
  }

  @Override
  public void close() {
    if (ownsClient) influx.close();
  }

  /** One row of a result, its cells by column name. */
  private record Row(List<String> columns, List<Object> values) {
    Object get(String column) {
      int i = columns.indexOf(column);
      return i < 0 || i >= values.size() ? null : values.get(i);
    }

    Integer integer(String column) {
      return get(column) instanceof Number n ? Math.toIntExact(Math.round(n.doubleValue())) : null;
    }

    Double decimal(String column) {
      return get(column) instanceof Number n ? n.doubleValue() : null;
    }

    Long epochMs() {
      return get("time") instanceof Number n ? n.longValue() : null;
    }

    String time() {
      Long ms = epochMs();
      return ms == null ? null : Instant.ofEpochMilli(ms).toString();
    }
  }
}

package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.influxdb.dto.BoundParameterQuery.QueryBuilder;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The queries over measurement {@code breach} (tags {@code unit}, {@code region}, {@code kind};
 * fields {@code present}, {@code limit}, {@code open}, {@code duration_s}), written by the jobs:
 * one point per breach at its start, rewritten with {@code open=false} and the final duration when
 * it closes. Values from requests only ever reach InfluxDB as bound parameters; the query text is
 * built from fixed fragments only.
 */
public final class BreachReader {
  public static final String MEASUREMENT = "breach";

  private static final String SELECT =
      "SELECT \"present\", \"limit\", \"open\", \"duration_s\" FROM \"breach\""
          + " WHERE time >= $from AND time < $to";
  private static final String BY_UNIT = " AND \"unit\" = $unit";
  private static final String BY_KIND = " AND \"kind\" = $kind";
  private static final String BY_OPEN = " AND \"open\" = $open";
  private static final String GROUP = " GROUP BY \"unit\", \"region\", \"kind\"";

  private static final Comparator<BreachRow> NEWEST_FIRST =
      Comparator.comparing(BreachRow::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(BreachRow::unit, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(BreachRow::kind, Comparator.nullsLast(Comparator.naturalOrder()));

  private final Influx influx;

  /** Queries the database of the connection, which the caller keeps (and closes). */
  public BreachReader(Influx influx) {
    this.influx = Objects.requireNonNull(influx, "influx");
  }

  /**
   * The breaches that started in the filter's range and match it, newest first (then by unit and
   * kind). An open breach's duration is the time from its start to {@code now}.
   */
  public List<BreachRow> breaches(BreachFilter f, Instant now) {
    StringBuilder text = new StringBuilder(SELECT);
    if (f.unit() != null) text.append(BY_UNIT);
    if (f.kind() != null) text.append(BY_KIND);
    if (f.open() != null) text.append(BY_OPEN);
    text.append(GROUP);
    QueryBuilder b =
        QueryBuilder.newQuery(text.toString())
            .forDatabase(influx.database())
            .bind("from", f.from().toString())
            .bind("to", f.to().toString());
    if (f.unit() != null) b.bind("unit", f.unit());
    if (f.kind() != null) b.bind("kind", f.kind().name());
    if (f.open() != null) b.bind("open", f.open());
    Query q = b.create();

    List<BreachRow> out = new ArrayList<>();
    for (QueryResult.Series s : influx.series(q)) {
      Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
      if (s.getValues() == null) continue;
      for (List<Object> values : s.getValues()) {
        out.add(breach(tags, new InfluxRow(s.getColumns(), values), now));
      }
    }
    out.sort(NEWEST_FIRST);
    return out;
  }

  private static BreachRow breach(Map<String, String> tags, InfluxRow r, Instant now) {
    Long startMs = r.epochMs();
    Instant start = startMs == null ? null : Instant.ofEpochMilli(startMs);
    boolean open = Boolean.TRUE.equals(r.bool("open"));
    Long stored = r.whole("duration_s");
    String endedAt = null;
    Long durationS;
    if (open) {
      durationS = start == null ? null : Math.max(0, Duration.between(start, now).toSeconds());
    } else {
      durationS = stored;
      if (start != null && stored != null) endedAt = start.plusSeconds(stored).toString();
    }
    return new BreachRow(
        tags.get("unit"),
        tags.get("region"),
        tags.get("kind"),
        r.integer("limit"),
        r.integer("present"),
        start == null ? null : start.toString(),
        endedAt,
        durationS,
        open);
  }
}

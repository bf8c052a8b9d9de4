package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
  private static final String GROUP = " GROUP BY \"unit\", \"region\", \"kind\"";

  private static final Comparator<BreachRow> NEWEST_FIRST =
      Comparator.comparing(BreachRow::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(RowOrder.byKeys(BreachRow::unit, BreachRow::kind));

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
    Select select =
        new Select(SELECT, GROUP, f.from(), f.to())
            .where("unit", f.unit())
            .where("kind", f.kind() == null ? null : f.kind().name())
            .where("open", f.open());
    List<BreachRow> out = influx.rows(select, (tags, r) -> breach(tags, r, now));
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
        open,
        null);
  }
}

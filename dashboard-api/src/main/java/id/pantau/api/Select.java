package id.pantau.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.influxdb.dto.BoundParameterQuery.QueryBuilder;
import org.influxdb.dto.Query;

/**
 * A query over a time range, narrowed by optional filters: its text is built from fixed fragments
 * only, and a value from a request reaches InfluxDB only as a bound parameter.
 */
final class Select {
  private final StringBuilder text;
  private final String tail;
  private final Map<String, Object> bound = new LinkedHashMap<>();

  /**
   * @param select the statement up to its time range, ending {@code WHERE time >= $from AND time <
   *     $to}
   * @param tail what follows the filters (GROUP BY …)
   */
  Select(String select, String tail, Instant from, Instant to) {
    this.text = new StringBuilder(select);
    this.tail = tail;
    bound.put("from", from.toString());
    bound.put("to", to.toString());
  }

  /** Only points whose tag or field {@code key} is the value; no filter when it is null. */
  Select where(String key, Object value) {
    if (value != null) {
      text.append(" AND \"").append(key).append("\" = $").append(key);
      bound.put(key, value);
    }
    return this;
  }

  Query on(String database) {
    QueryBuilder b = QueryBuilder.newQuery(text + tail).forDatabase(database);
    bound.forEach(b::bind);
    return b.create();
  }
}

package id.pantau.api;

import java.time.Instant;
import java.util.List;

/** One row of an InfluxDB result, its cells by column name; times in epoch milliseconds. */
record InfluxRow(List<String> columns, List<Object> values) {
  Object get(String column) {
    int i = columns.indexOf(column);
    return i < 0 || i >= values.size() ? null : values.get(i);
  }

  Integer integer(String column) {
    return get(column) instanceof Number n ? Math.toIntExact(Math.round(n.doubleValue())) : null;
  }

  Long whole(String column) {
    return get(column) instanceof Number n ? Math.round(n.doubleValue()) : null;
  }

  Double decimal(String column) {
    return get(column) instanceof Number n ? n.doubleValue() : null;
  }

  Boolean bool(String column) {
    return get(column) instanceof Boolean b ? b : null;
  }

  Long epochMs() {
    return get("time") instanceof Number n ? n.longValue() : null;
  }

  String time() {
    Long ms = epochMs();
    return ms == null ? null : Instant.ofEpochMilli(ms).toString();
  }
}

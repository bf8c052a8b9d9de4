package id.pantau.local;

import java.util.Locale;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** What influxd holds and has taken, for the bench: points written, stored, series. */
final class InfluxPointCounts {
  /** Each measurement with the field that every one of its points has, and its policy. */
  private static final String[][] MEASURED = {
    {"occupancy", "present", "raw"},
    {"compliance", "expected", "raw"},
    {"breach", "open", "raw"},
    {"daily", "peak_present", "trends"}
  };

  private InfluxPointCounts() {}

  /** Points influxd has accepted since it started (its own write statistics). */
  static long pointsWritten(InfluxDB client) {
    return stat(client, "write", "pointReq");
  }

  private static long stat(InfluxDB client, String module, String column) {
    QueryResult r = client.query(new Query("SHOW STATS"));
    for (QueryResult.Series s : r.getResults().get(0).getSeries()) {
      if (!module.equals(s.getName())) continue;
      int i = s.getColumns().indexOf(column);
      if (i >= 0) return ((Number) s.getValues().get(0).get(i)).longValue();
    }
    return 0;
  }

  /** Queries influxd has run since it started (its own query statistics, these included). */
  static long queriesExecuted(InfluxDB client) {
    return stat(client, "queryExecutor", "queriesExecuted");
  }

  /** Points stored per measurement (a rewrite of a point counts once), for where the writes go. */
  static String storedByMeasurement(InfluxDB client, String db) {
    StringBuilder sb = new StringBuilder();
    for (String[] m : MEASURED) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(String.format(Locale.ROOT, "%s %,d", m[0], stored(client, db, m)));
    }
    return sb.toString();
  }

  static long storedPoints(InfluxDB client, String db) {
    long n = 0;
    for (String[] m : MEASURED) n += stored(client, db, m);
    return n;
  }

  static long seriesCount(InfluxDB client, String db) {
    QueryResult r = client.query(new Query("SHOW SERIES", db));
    long n = 0;
    for (QueryResult.Result res : r.getResults()) {
      if (res.getSeries() == null) continue;
      for (QueryResult.Series s : res.getSeries()) n += s.getValues().size();
    }
    return n;
  }

  private static long stored(InfluxDB client, String db, String[] m) {
    QueryResult r =
        client.query(
            new Query("SELECT count(\"" + m[1] + "\") FROM \"" + m[2] + "\".\"" + m[0] + "\"", db));
    if (r.hasError() || r.getResults().isEmpty()) return 0;
    var series = r.getResults().get(0).getSeries();
    if (series == null || series.isEmpty()) return 0;
    return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }
}

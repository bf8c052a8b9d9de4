package id.pantau.sink;

import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** What the sink's tests against a real influxd share: their config and reading a count back. */
final class TestInflux {
  private TestInflux() {}

  /** Retried for 10 ms (once), so a test of a failure does not wait. */
  static InfluxConfig config(String url, String db, int batch, String user, String password) {
    return new InfluxConfig(url, db, batch, 1_000, 10, 10, "", user, password, 0);
  }

  /** How many points of the measurement have the field {@code v}. */
  static long count(InfluxDB client, String db, String measurement) {
    var rows = rows(client, db, "SELECT count(v) FROM " + measurement);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
  }

  /** The rows of a query's first series (time first, then the columns asked for); none: empty. */
  static List<List<Object>> rows(InfluxDB client, String db, String query) {
    QueryResult r = client.query(new Query(query, db));
    var series = r.getResults().get(0).getSeries();
    return series == null ? List.of() : series.get(0).getValues();
  }
}

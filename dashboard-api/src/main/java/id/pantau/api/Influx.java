package id.pantau.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * One InfluxDB 1.x database the readers query: the client, the database name, and the unwrapping of
 * a result into its series and rows. Shared by the readers.
 */
public final class Influx implements AutoCloseable {
  private final InfluxDB client;
  private final String database;
  private final boolean ownsClient;

  /** Connects to the InfluxDB 1.x HTTP API at the URL, e.g. http://127.0.0.1:8086. */
  public Influx(String url, String database) {
    this(url, database, null, null);
  }

  /**
   * Connects as the user (READ on the database is enough), or without a login when user is null
   * (InfluxDB without auth).
   */
  public Influx(String url, String database, String user, String password) {
    this(connect(url, user, password), database, true);
  }

  /** Reads through a client the caller keeps (and closes). */
  public Influx(InfluxDB client, String database) {
    this(client, database, false);
  }

  private Influx(InfluxDB client, String database, boolean ownsClient) {
    this.client = Objects.requireNonNull(client, "client");
    this.database = Objects.requireNonNull(database, "database");
    this.ownsClient = ownsClient;
  }

  private static InfluxDB connect(String url, String user, String password) {
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(10, TimeUnit.SECONDS);
    return user == null
        ? InfluxDBFactory.connect(url, http)
        : InfluxDBFactory.connect(url, user, Objects.requireNonNull(password, "password"), http);
  }

  public String database() {
    return database;
  }

  /** True when InfluxDB answers its ping. */
  public boolean ping() {
    try {
      Pong pong = client.ping();
      return pong != null && pong.isGood();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The series of the first statement's result, times in epoch milliseconds. A database or a
   * retention policy that does not exist yet (nothing written so far: the jobs make {@code trends}
   * when they start) reads as empty.
   *
   * @throws org.influxdb.InfluxDBIOException when InfluxDB is unreachable
   * @throws InfluxDBException when it refuses the query
   */
  List<QueryResult.Series> series(Query q) {
    QueryResult result;
    try {
      result = client.query(q, TimeUnit.MILLISECONDS);
    } catch (InfluxDBException e) {
      if (nothingWrittenYet(e.getMessage())) return List.of();
      throw e;
    }
    if (result.hasError()) {
      if (nothingWrittenYet(result.getError())) return List.of();
      throw new InfluxDBException(result.getError());
    }
    if (result.getResults() == null || result.getResults().isEmpty()) return List.of();
    QueryResult.Result first = result.getResults().get(0);
    if (first.hasError()) {
      if (nothingWrittenYet(first.getError())) return List.of();
      throw new InfluxDBException(first.getError());
    }
    return first.getSeries() == null ? List.of() : first.getSeries();
  }

  /**
   * Each row of the select's series, read with its series' tags into a T; a row read as null is
   * left out.
   */
  <T> List<T> rows(Select select, BiFunction<Map<String, String>, InfluxRow, T> read) {
    List<T> out = new ArrayList<>();
    for (QueryResult.Series s : series(select.on(database))) {
      Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
      if (s.getValues() == null) continue;
      for (List<Object> values : s.getValues()) {
        T row = read.apply(tags, new InfluxRow(s.getColumns(), values));
        if (row != null) out.add(row);
      }
    }
    return out;
  }

  private static boolean nothingWrittenYet(String error) {
    return error != null
        && (error.contains("database not found") || error.contains("retention policy not found"));
  }

  @Override
  public void close() {
    if (ownsClient) client.close();
  }
}

package id.pantau.sink;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Line-protocol writes with retries: a network failure or a 5xx is retried with a backoff doubling
 * up to {@link #MAX_BACKOFF_MS}, for {@link InfluxConfig#retryForMs()}; the caller (the sink's
 * task) waits meanwhile, so what comes after it waits in Flink's bounded network buffers
 * (back-pressure) instead of piling up. What still fails, or a rejected point (4xx), is rethrown so
 * the job restarts from its last checkpoint instead of losing data.
 */
public class InfluxLineClient implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InfluxLineClient.class);

  /** The longest pause between two attempts: influxd back is written to within 5 s. */
  static final long MAX_BACKOFF_MS = 5_000;

  private final InfluxConfig config;
  private final InfluxDB influx;
  private volatile long retries;
  private volatile long backoffMs;

  public InfluxLineClient(InfluxConfig config) {
    this.config = config;
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS);
    this.influx =
        config.hasLogin()
            ? InfluxDBFactory.connect(config.url(), config.user(), config.password(), http)
            : InfluxDBFactory.connect(config.url(), http);
  }

  /**
   * Creates the database and its retention policies when missing (idempotent in InfluxDB 1.x), and
   * brings policies of other settings to ours. When they are in place already (a deployment makes
   * them at its first start) nothing is changed, so a user without admin rights (READ and WRITE on
   * the database) suffices.
   */
  public void ensureDatabase() throws IOException {
    if (schemaInPlace()) return;
    try {
      withRetries(() -> influx.query(new Query("CREATE DATABASE \"" + config.database() + "\"")));
      List<String> create = Retention.statements(config.database());
      List<String> alter = Retention.alterStatements(config.database());
      for (int i = 0; i < create.size(); i++) {
        String c = create.get(i);
        String a = alter.get(i);
        withRetries(
            () -> {
              QueryResult r = influx.query(new Query(c));
              if (r.hasError() || r.getResults().get(0).hasError()) influx.query(new Query(a));
            });
      }
    } catch (IOException e) {
      if (!config.hasLogin()) throw e;
      throw new IOException(
          "database "
              + config.database()
              + " or its retention policies "
              + Retention.RAW
              + ", "
              + Retention.TRENDS
              + " are missing or differ, and InfluxDB user "
              + config.user()
              + " could not make them (it needs admin rights for that): make them as an admin ("
              + String.join("; ", Retention.statements(config.database()))
              + ") or let an admin user start the jobs once. "
              + e.getMessage(),
          e);
    }
  }

  /**
   * True when SHOW RETENTION POLICIES lists ours with our settings. False when the database is
   * missing or the policies differ, and when the question cannot be asked (then creating them says
   * why); retried like a write while InfluxDB is unreachable.
   */
  private boolean schemaInPlace() throws IOException {
    QueryResult[] shown = new QueryResult[1];
    try {
      withRetries(
          () ->
              shown[0] =
                  influx.query(
                      new Query("SHOW RETENTION POLICIES ON \"" + config.database() + "\"")));
    } catch (IOException e) {
      if (e.getCause() instanceof InfluxDBIOException) throw e;
      return false;
    }
    QueryResult r = shown[0];
    if (r == null || r.hasError() || r.getResults() == null || r.getResults().isEmpty()) {
      return false;
    }
    QueryResult.Result first = r.getResults().get(0);
    if (first.hasError() || first.getSeries() == null || first.getSeries().isEmpty()) return false;
    QueryResult.Series series = first.getSeries().get(0);
    return Retention.inPlace(series.getColumns(), series.getValues());
  }

  public void write(List<String> lines) throws IOException {
    withRetries(
        () ->
            influx.write(
                config.database(),
                config.retentionPolicy(),
                InfluxDB.ConsistencyLevel.ONE,
                TimeUnit.MILLISECONDS,
                lines));
  }

  /** Attempts that failed and were tried again, since this client was made. */
  public long retries() {
    return retries;
  }

  /** Milliseconds spent waiting between attempts, since this client was made. */
  public long backoffMs() {
    return backoffMs;
  }

  private void withRetries(Runnable call) throws IOException {
    long backoff = config.firstBackoffMs();
    long started = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      long spent = (System.nanoTime() - started) / 1_000_000;
      try {
        call.run();
        if (attempt > 0) {
          LOG.info(
              "InfluxDB at {} took the write after {} attempts, {} ms after the first failed",
              config.url(),
              attempt + 1,
              spent);
        }
        return;
      } catch (InfluxDBException.PointsBeyondRetentionPolicyException e) {
        // A replay of days older than the retention policy keeps: the policy, not a loss. The
        // other points of the batch were written.
        LOG.warn("InfluxDB kept only points within its retention policy: {}", e.getMessage());
        return;
      } catch (InfluxDBException e) {
        boolean retryable = e instanceof InfluxDBIOException || e.isRetryWorth();
        if (!retryable || spent >= config.retryForMs()) {
          throw new IOException(
              "InfluxDB at "
                  + config.url()
                  + " refused a write after "
                  + (attempt + 1)
                  + " attempt(s) over "
                  + spent
                  + " ms: "
                  + e.getMessage(),
              e);
        }
        if (attempt == 0) {
          LOG.warn(
              "InfluxDB at {} failed a write ({}); retrying for up to {} s, the job waiting",
              config.url(),
              e.getMessage(),
              config.retryForMs() / 1000);
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while retrying an InfluxDB write", ie);
      }
      retries++;
      backoffMs += backoff;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  @Override
  public void close() {
    influx.close();
  }
}

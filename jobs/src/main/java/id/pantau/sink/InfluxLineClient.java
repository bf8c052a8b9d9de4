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

/**
 * Line-protocol writes with retries: a network failure or a 5xx is retried with exponential
 * backoff; what still fails, or a rejected point (4xx), is rethrown so the job restarts from its
 * last checkpoint instead of losing data.
 */
public class InfluxLineClient implements AutoCloseable {
  private final InfluxConfig config;
  private final InfluxDB influx;

  public InfluxLineClient(InfluxConfig config) {
    this.config = config;
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS);
    this.influx = InfluxDBFactory.connect(config.url(), http);
  }

  /** Creates the database when missing (idempotent in InfluxDB 1.x). */
  public void ensureDatabase() throws IOException {
    withRetries(() -> influx.query(new Query("CREATE DATABASE \"" + config.database() + "\"")));
  }

  public void write(List<String> lines) throws IOException {
    withRetries(
        () ->
            influx.write(
                config.database(),
                "",
                InfluxDB.ConsistencyLevel.ONE,
                TimeUnit.MILLISECONDS,
                lines));
  }

  private void withRetries(Runnable call) throws IOException {
    long backoff = config.firstBackoffMs();
    for (int attempt = 0; ; attempt++) {
      try {
        call.run();
        return;
      } catch (InfluxDBException e) {
        boolean retryable = e instanceof InfluxDBIOException || e.isRetryWorth();
        if (!retryable || attempt >= config.maxRetries()) {
          throw new IOException(
              "InfluxDB at "
                  + config.url()
                  + " refused a write after "
                  + (attempt + 1)
                  + " attempt(s): "
                  + e.getMessage(),
              e);
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while retrying an InfluxDB write", ie);
      }
      backoff = Math.min(backoff * 2, 10_000);
    }
  }

  @Override
  public void close() {
    influx.close();
  }
}

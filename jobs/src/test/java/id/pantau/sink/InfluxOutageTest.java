package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * influxd stopped under the sink: the write that fills a batch waits, retrying with a growing
 * backoff, instead of failing, dropping the batch or taking more points; once influxd is back on
 * its port and data directory the batch is written whole.
 */
class InfluxOutageTest {
  static final long T0 = System.currentTimeMillis() - 3_600_000L;
  static final int BATCH = 50;

  @TempDir Path dir;

  @Test
  void aFullBatchWaitsWithGrowingBackoffWhileInfluxdIsDownAndIsWrittenWholeWhenItReturns()
      throws Exception {
    try (InfluxServer influx = InfluxServer.start(dir.resolve("influx"))) {
      InfluxConfig cfg =
          new InfluxConfig(influx.url(), "outage", BATCH, 60_000, 120_000, 50, "", null, null, 0);
      InfluxLineClient client = new InfluxLineClient(cfg);
      InfluxWriter<String> w =
          new InfluxWriter<>(cfg, s -> s, client, new TestProcessingTimeService());
      for (int i = 1; i < BATCH; i++) w.write(line(i), null);
      influx.stop();

      CompletableFuture<Void> last =
          CompletableFuture.runAsync(
              () -> {
                try {
                  w.write(line(BATCH), null); // fills the batch: written now, or waits
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // Backoff 50, 100, 200, 400, 800 ms: five retries take about 1.5 s.
      assertThat(Poll.until(Duration.ofSeconds(30), () -> client.retries() >= 5)).isTrue();
      assertThat(last).as("the write waits while influxd is down").isNotDone();
      assertThat(w.bufferedMax()).as("the buffer's bound").isEqualTo(BATCH);
      assertThat(client.backoffMs()).isGreaterThanOrEqualTo(50 + 100 + 200 + 400 + 800);

      influx.restart();
      last.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(w.written()).isEqualTo(BATCH);
      try (InfluxDB read = InfluxDBFactory.connect(influx.url())) {
        assertThat(TestInflux.count(read, "outage", "m")).isEqualTo(BATCH);
      }
      w.close();
    }
  }

  private static String line(int i) {
    return "m,unit=u" + i + " v=" + i + "i " + (T0 + i * 1000L);
  }
}

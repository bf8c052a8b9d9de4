package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.infra.InfluxServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxWriterTest {
  /** Recent: InfluxDB refuses points older than its retention policy keeps. */
  static final long T0 = System.currentTimeMillis() - 3_600_000L;

  @TempDir static Path dir;
  static InfluxServer influx;
  static InfluxDB client;

  @BeforeAll
  static void start() throws Exception {
    influx = InfluxServer.start(dir.resolve("influx"));
    client = InfluxDBFactory.connect(influx.url());
  }

  @AfterAll
  static void stop() {
    if (client != null) client.close();
    if (influx != null) influx.close();
  }

  static InfluxWriter<String> writer(
      String db, int batch, TestProcessingTimeService time, String url) {
    InfluxConfig cfg = TestInflux.config(url, db, batch, null, null);
    return new InfluxWriter<>(cfg, s -> s, new InfluxLineClient(cfg), time);
  }

  static long count(String db) {
    return TestInflux.count(client, db, "m");
  }

  @Test
  void writesNothingUntilTheBatchIsFullOrACheckpointFlushes() throws Exception {
    TestProcessingTimeService time = new TestProcessingTimeService();
    InfluxWriter<String> w = writer("flushes", 1_000, time, influx.url());
    w.write("m,unit=a v=1i " + (T0 + 1000), null);
    w.write("m,unit=a v=2i " + (T0 + 2000), null);
    assertThat(count("flushes")).isZero();

    w.flush(false); // what a checkpoint does
    assertThat(count("flushes")).isEqualTo(2);
    assertThat(w.written()).isEqualTo(2);
    w.close();
  }

  @Test
  void writesAFullBatchAtOnce() throws Exception {
    InfluxWriter<String> w = writer("batches", 3, new TestProcessingTimeService(), influx.url());
    for (int i = 1; i <= 4; i++) w.write("m,unit=a v=" + i + "i " + (T0 + i * 1000), null);
    assertThat(count("batches")).isEqualTo(3);
    w.close();
  }

  @Test
  void holdsAReplayToTheWriteRateAndStillWritesEveryPoint() throws Exception {
    // 1,000 points/s with a second of credit: 3,000 points take at least 2 s to send.
    InfluxConfig cfg =
        TestInflux.config(influx.url(), "rate", 500, null, null).withMaxPointsPerSecond(1_000);
    var w =
        new InfluxWriter<String>(
            cfg, s -> s, new InfluxLineClient(cfg), new TestProcessingTimeService());
    long started = System.nanoTime();
    for (int i = 1; i <= 3_000; i++) w.write("m,unit=a v=" + i + "i " + (T0 + i * 1000L), null);
    w.flush(false);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(count("rate")).isEqualTo(3_000);
    assertThat(tookMs).as("sending 3,000 points at 1,000/s").isGreaterThanOrEqualTo(2_000);
    assertThat(w.throttledMs()).isPositive();
    w.close();
  }

  @Test
  void whileTheWriteRateIsSpentItsTimerWaitsSoRewritesStillCoalesce() throws Exception {
    // 100 points/s with a second of credit: 150 points are 0.5 s beyond it.
    InfluxConfig cfg =
        TestInflux.config(influx.url(), "spent", 1_000, null, null).withMaxPointsPerSecond(100);
    TestProcessingTimeService time = new TestProcessingTimeService();
    var w = new InfluxWriter<String>(cfg, s -> s, new InfluxLineClient(cfg), time);
    for (int i = 1; i <= 150; i++) w.write("m,unit=u" + i + " v=1i " + T0, null);
    time.setCurrentTime(1_000); // the flush timer: the rate is spent, nothing is sent yet
    assertThat(w.written()).isZero();
    for (int i = 1; i <= 150; i++) w.write("m,unit=u" + i + " v=2i " + T0, null);
    w.flush(false); // a checkpoint sends everything, waiting for the rate

    assertThat(w.written()).isEqualTo(150);
    assertThat(w.coalesced()).isEqualTo(150);
    assertThat(rows("spent", "SELECT sum(v) FROM m").get(0).get(1)).isEqualTo(300.0);
    w.close();
  }

  @Test
  void flushesOnItsTimerSoAQuietUnitStillShows() throws Exception {
    TestProcessingTimeService time = new TestProcessingTimeService();
    InfluxWriter<String> w = writer("timer", 1_000, time, influx.url());
    w.write("m,unit=a v=1i " + (T0 + 1000), null);
    assertThat(count("timer")).isZero();
    time.setCurrentTime(1_000);
    assertThat(count("timer")).isEqualTo(1);
    w.close();
  }

  @Test
  void writingTheSamePointTwiceKeepsOnePoint() throws Exception {
    InfluxWriter<String> w = writer("replay", 1, new TestProcessingTimeService(), influx.url());
    w.write("m,unit=a v=1i " + (T0 + 1000), null);
    w.write("m,unit=a v=1i " + (T0 + 1000), null);
    assertThat(count("replay")).isEqualTo(1);
    w.close();
  }

  static List<List<Object>> rows(String db, String q) {
    return TestInflux.rows(client, db, q);
  }

  @Test
  void sendsAPointRewrittenBeforeItsBatchGoesOutOnceWithItsLastValue() throws Exception {
    InfluxWriter<String> w =
        writer("coalesce", 1_000, new TestProcessingTimeService(), influx.url());
    for (int i = 1; i <= 5; i++) w.write("m,unit=a v=" + i + "i,w=" + i + "i " + T0, null);
    w.write("m,unit=b v=9i " + T0, null); // another series: its own point
    w.flush(false);

    assertThat(w.written()).isEqualTo(2);
    assertThat(w.coalesced()).isEqualTo(4);
    var values = rows("coalesce", "SELECT v, w FROM m WHERE unit = 'a'");
    assertThat(values).hasSize(1);
    assertThat(((Number) values.get(0).get(1)).longValue()).isEqualTo(5);
    assertThat(((Number) values.get(0).get(2)).longValue()).isEqualTo(5);
    w.close();
  }

  @Test
  void keepsAnEarlierLineWhoseFieldsALaterLineOfThePointLacks() throws Exception {
    InfluxWriter<String> w =
        writer("fieldsets", 1_000, new TestProcessingTimeService(), influx.url());
    w.write("m,unit=a v=1i,extra=7i " + T0, null);
    w.write("m,unit=a v=2i " + T0, null);
    w.flush(false);

    assertThat(w.written()).isEqualTo(2);
    var row = rows("fieldsets", "SELECT v, extra FROM m").get(0);
    assertThat(((Number) row.get(1)).longValue()).isEqualTo(2);
    assertThat(((Number) row.get(2)).longValue()).isEqualTo(7);
    w.close();
  }

  @Test
  void rethrowsWhatItCannotWriteInsteadOfDroppingIt() throws Exception {
    InfluxServer doomed = InfluxServer.start(dir.resolve("doomed"));
    InfluxWriter<String> w = writer("doomed", 1_000, new TestProcessingTimeService(), doomed.url());
    w.write("m,unit=a v=1i " + (T0 + 1000), null);
    doomed.stop();
    assertThatThrownBy(() -> w.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("InfluxDB at " + doomed.url());
    w.close();
  }

  @Test
  void treatsPointsBeyondTheRetentionPolicyAsPolicyNotFailure() throws Exception {
    InfluxWriter<String> w = writer("old", 10, new TestProcessingTimeService(), influx.url());
    w.write("m,unit=a v=1i 1000", null); // 1970: beyond the 30-day policy
    w.write("m,unit=a v=2i " + T0, null);
    w.flush(false);
    assertThat(count("old")).isEqualTo(1);
    w.close();
  }

  @Test
  void refusesABadConfigurationWhenBuilt() {
    assertThatThrownBy(() -> InfluxConfig.of("localhost:8086", "pantau", 10, 10))
        .hasMessageContaining("influx url");
    assertThatThrownBy(() -> InfluxConfig.of("http://127.0.0.1:8086", "pan tau", 10, 10))
        .hasMessageContaining("influx database");
    assertThatThrownBy(() -> InfluxConfig.of("http://127.0.0.1:8086", "pantau", 0, 10))
        .hasMessageContaining("batchSize");
    assertThat(List.of(InfluxConfig.of("http://127.0.0.1:8086", "pantau", 10, 10))).hasSize(1);
  }
}

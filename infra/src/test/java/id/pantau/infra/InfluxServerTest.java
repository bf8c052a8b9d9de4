package id.pantau.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void writesAPointOverHttpAndReadsItBack() throws Exception {
    try (InfluxServer influx = InfluxServer.start(dataDir)) {
      influx.createDatabase("pantau");
      influx.createDatabase("pantau"); // idempotent in InfluxDB 1.x

      assertThat(write(influx, "occupancy,unit=u1,region=r1 present=7i 1700000000000000000"))
          .isEqualTo(204);

      assertThat(query(influx, "SELECT present FROM occupancy WHERE unit = 'u1'"))
          .contains("\"occupancy\"")
          .contains("[\"2023-11-14T22:13:20Z\",7]");
    }
  }

  @Test
  void stopEndsTheProcessAndClosesThePortAndARestartKeepsTheData() throws Exception {
    InfluxServer first = InfluxServer.start(dataDir);
    first.createDatabase("pantau");
    write(first, "breach,unit=u2,region=r1,kind=OVER_CAP present=9i 1700000000000000000");
    long pid = first.pid();

    first.stop();

    assertThat(FreePort.accepts(first.port())).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (InfluxServer second = InfluxServer.start(dataDir)) {
      assertThat(query(second, "SELECT present FROM breach")).contains(",9]");
    }
  }

  @Test
  void killEndsTheProcessAtOnce() throws Exception {
    InfluxServer influx = InfluxServer.start(dataDir);
    long pid = influx.pid();

    influx.kill();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private static int write(InfluxServer influx, String line) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(influx.url() + "/write?db=pantau&precision=ns"))
            .POST(HttpRequest.BodyPublishers.ofString(line))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String query(InfluxServer influx, String q) throws Exception {
    URI uri =
        URI.create(
            influx.url() + "/query?db=pantau&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local stack as `./pantau demo --no-sim` runs it: HTTP check-ins → ingest → Kafka →
 * Flink → influxd → GET /api/v1/occupancy.
 */
class EndToEndIT {
  // Generous: the first events wait for the jobs' tasks to start on a loaded 2-core machine; the
  // figure printed below is the measurement.
  static final Duration DEADLINE = Duration.ofSeconds(150);
  @TempDir static Path dir;
  static Demo demo;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    demo = new Demo(new DemoOptions(false, dir, false));
    demo.start();
  }

  @AfterAll
  static void stop() {
    if (demo != null) demo.close();
  }

  @Test
  void checkInsPostedByHandShowAsPresentStaff() throws Exception {
    String admin = demo.tokens.token("bkd-admin");
    HttpResponse<String> unit =
        send(
            HttpRequest.newBuilder(URI.create(demo.ingestUrl + "/v1/units/tng-bapenda"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Bapenda\",\"region\":\"kota-tangerang\",\"timeZone\":\"Asia/Jakarta\",\"headcount\":40}")));
    assertThat(unit.statusCode()).as(unit.body()).isEqualTo(200);

    Instant now = Instant.now();
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= 3; i++)
      ndjson.append(event("e" + i, "nip" + i, "CHECK_IN", now.minusSeconds(30 - i))).append('\n');
    ndjson.append(event("e4", "nip3", "CHECK_OUT", now.minusSeconds(5))).append('\n');
    ndjson.append("{\"type\":\"attendance\",\"eventId\":\"bad\"}\n");
    long posted = System.nanoTime();
    HttpResponse<String> events =
        send(
            HttpRequest.newBuilder(URI.create(demo.ingestUrl + "/v1/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())));
    assertThat(events.statusCode()).as(events.body()).isEqualTo(202);
    JsonNode answer = Json.MAPPER.readTree(events.body());
    assertThat(answer.get("accepted").asInt()).isEqualTo(4);
    assertThat(answer.get("rejected").get(0).get("line").asInt()).isEqualTo(5);

    JsonNode row = null;
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      row = bapenda(admin);
      if (row != null && row.get("present").asInt() == 2) break;
      LockSupport.parkNanos(200_000_000L);
    }
    System.out.printf(
        "end-to-end: present=2 visible %.1f s after the post%n",
        (System.nanoTime() - posted) / 1e9);
    assertThat(row).as("tng-bapenda in /api/v1/occupancy").isNotNull();
    assertThat(row.get("present").asInt()).isEqualTo(2);
    assertThat(row.get("headcount").asInt()).isEqualTo(40);
    assertThat(row.get("share").asDouble()).isEqualTo(0.05);
    assertThat(row.get("region").asText()).isEqualTo("kota-tangerang");
  }

  @Test
  void theApiRefusesACallerWithoutAToken() throws Exception {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(demo.apiUrl + "/api/v1/occupancy")).GET());
    assertThat(r.statusCode()).isEqualTo(401);
    HttpResponse<String> health =
        send(HttpRequest.newBuilder(URI.create(demo.apiUrl + "/api/v1/health")).GET());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
  }

  static JsonNode bapenda(String token) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(demo.apiUrl + "/api/v1/occupancy"))
                .header("Authorization", "Bearer " + token)
                .GET());
    if (r.statusCode() != 200) return null;
    for (JsonNode u : Json.MAPPER.readTree(r.body()).get("units")) {
      if ("tng-bapenda".equals(u.get("unit").asText())) return u;
    }
    return null;
  }

  static String event(String id, String nip, String action, Instant t) {
    return "{\"type\":\"attendance\",\"eventId\":\"%s\",\"nip\":\"%s\",\"unitId\":\"tng-bapenda\",\"action\":\"%s\",\"mode\":\"WFO\",\"time\":\"%s\",\"source\":\"KIOSK\"}"
        .formatted(id, nip, action, t.atOffset(ZoneOffset.ofHours(7)));
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

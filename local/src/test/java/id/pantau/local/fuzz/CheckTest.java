package id.pantau.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckTest {
  static final FuzzRequest GET =
      FuzzRequest.of(
          FuzzRequest.Service.DASHBOARD,
          "x",
          "GET",
          "/api/v1/trends",
          List.of(),
          null,
          Set.of(200));

  static Answer answer(int status, String type, String body) {
    return new Answer(
        status,
        type == null ? Map.of() : Map.of("content-type", List.of(type)),
        body.getBytes(StandardCharsets.UTF_8),
        null);
  }

  @Test
  void a4xxNeedsAJsonBodyWithAReason() {
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"errors\":[\"x: y\"]}")))
        .isNull();
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"error\":\"x\"}"))).isNull();
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"errors\":[]}")))
        .contains("without a reason");
    assertThat(Check.problem(GET, answer(414, "text/html", "<html>")))
        .contains("without a JSON body");
    assertThat(Check.problem(GET, answer(431, null, ""))).contains("without a JSON body");
  }

  @Test
  void a5xxABrokenConnectionAndAnUndocumented2xxFail() {
    assertThat(Check.problem(GET, answer(500, "application/json", "{\"errors\":[\"x\"]}")))
        .isEqualTo("a 500");
    assertThat(Check.problem(GET, Answer.broken(-1, "reset"))).isEqualTo("broken connection");
    assertThat(Check.problem(GET, answer(200, "application/json", "{}"))).isNull();
    assertThat(Check.problem(GET.spoiled("token"), answer(200, "application/json", "{}")))
        .contains("where none is documented");
    assertThat(Check.problem(GET, answer(302, null, ""))).contains("neither 2xx nor 4xx");
  }

  static final FuzzRequest DASHBOARD_HEALTH =
      FuzzRequest.of(
          FuzzRequest.Service.DASHBOARD,
          "health",
          "GET",
          "/api/v1/health",
          List.of(),
          null,
          Set.of(200));
  static final FuzzRequest INGEST_HEALTH =
      FuzzRequest.of(
          FuzzRequest.Service.INGEST, "health", "GET", "/v1/health", List.of(), null, Set.of(200));
  static final String JSON = "application/json";

  @Test
  void aHealthEndpointsReportThatKafkaOrInfluxdIsDownIsItsDocumented503() {
    assertThat(
            Check.problem(
                DASHBOARD_HEALTH, answer(503, JSON, "{\"kafka\":\"down\",\"influxdb\":\"down\"}")))
        .isNull();
    assertThat(
            Check.problem(
                DASHBOARD_HEALTH, answer(503, JSON, "{\"kafka\":\"down\",\"influxdb\":\"up\"}")))
        .isNull();
    assertThat(
            Check.problem(
                DASHBOARD_HEALTH.withTarget("/api/v1/./health"),
                answer(503, JSON, "{\"kafka\":\"up\",\"influxdb\":\"down\"}")))
        .isNull();
    assertThat(
            Check.problem(
                INGEST_HEALTH,
                answer(503, JSON, "{\"kafka\":\"down\",\"error\":\"Kafka at x does not answer\"}")))
        .isNull();
    FuzzRequest raw =
        FuzzRequest.raw(
            FuzzRequest.Service.INGEST,
            "malformed",
            "GET /v1/health HTTP/1.0\r\n\r\n",
            Set.of(200));
    assertThat(Check.problem(raw, answer(503, JSON, "{\"kafka\":\"down\",\"error\":\"x\"}")))
        .isNull();
  }

  @Test
  void every503ButAHealthReportSayingWhatIsDownFails() {
    String down = "{\"kafka\":\"down\",\"influxdb\":\"up\"}";
    // Nothing down, another field, another service's shape, a wrong value, no JSON.
    for (String body :
        List.of(
            "{\"kafka\":\"up\",\"influxdb\":\"up\"}",
            "{\"kafka\":\"down\",\"influxdb\":\"up\",\"errors\":[\"x\"]}",
            "{\"kafka\":\"down\",\"error\":\"x\"}",
            "{\"kafka\":\"down\",\"influxdb\":\"sideways\"}",
            "{\"kafka\":false,\"influxdb\":\"down\"}",
            "{\"status\":503,\"errors\":[\"influxdb: unreachable\"]}",
            "[]",
            "down")) {
      assertThat(Check.problem(DASHBOARD_HEALTH, answer(503, JSON, body)))
          .as(body)
          .isEqualTo("a 503");
    }
    assertThat(Check.problem(INGEST_HEALTH, answer(503, JSON, "{\"kafka\":\"down\"}")))
        .isEqualTo("a 503");
    assertThat(
            Check.problem(INGEST_HEALTH, answer(503, JSON, "{\"kafka\":\"up\",\"error\":\"x\"}")))
        .isEqualTo("a 503");
    assertThat(Check.problem(DASHBOARD_HEALTH, answer(503, "text/html", down))).isEqualTo("a 503");
    // Not from a health endpoint: another route, a spoiled request, HEAD (no body to read).
    assertThat(Check.problem(GET, answer(503, JSON, down))).isEqualTo("a 503");
    assertThat(Check.problem(DASHBOARD_HEALTH.spoiled("method FOO"), answer(503, JSON, down)))
        .isEqualTo("a 503");
    assertThat(Check.problem(DASHBOARD_HEALTH.withMethod("HEAD"), answer(503, JSON, "")))
        .isEqualTo("a 503");
    // Another 5xx with the report is still a failure.
    assertThat(Check.problem(DASHBOARD_HEALTH, answer(500, JSON, down))).isEqualTo("a 500");
    assertThat(Check.problem(DASHBOARD_HEALTH, answer(502, JSON, down))).isEqualTo("a 502");
  }
}

package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Jetty refuses before a route is reached, and methods Javalin cannot name: each is a 4xx
 * in the API's JSON shape with a reason, never Jetty's HTML page or a 5xx. Needs no influxd or
 * Kafka: nothing here reaches them.
 */
class MalformedRequestsTest {
  static Dashboard dashboard;

  @BeforeAll
  static void start() {
    dashboard = LiveDashboard.start(LiveDashboard.noInfluxd(), LiveDashboard.noKafka());
  }

  @AfterAll
  static void stop() {
    if (dashboard != null) dashboard.close();
  }

  static final String END = "Host: {host}\r\nConnection: close\r\n\r\n";

  @ParameterizedTest(name = "{1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "get /api/v1/occupancy HTTP/1.1 | 405 | method: 'get' is not a method this API serves",
        "Put /api/v1/breaches HTTP/1.1 | 405 | method: 'Put' is not a method this API serves",
        "GET /api/v1/health HTTP/9.9 | 400 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /api/v1/health HTTP/2.0 | 426 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /api/v1/health | 400 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /api/v1/heal th HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "G\u00c9T /api/v1/health HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "GET /api/v1/%zz HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "OPTIONS * HTTP/1.1 | 404 | path: no such endpoint",
      })
  void aMalformedRequestIsA4xxWithAJsonReason(String requestLine, int status, String reason) {
    RawRequest r = RawRequest.send(dashboard.port(), requestLine + "\r\n" + END);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("errors").get(0).asText()).startsWith(reason);
  }

  @Test
  void uriAndHeadersOverJettysLimitsAre414And431AsJsonForEveryMethod() {
    RawRequest uri =
        RawRequest.send(
            dashboard.port(), "GET /api/v1/health?" + "q".repeat(70_000) + " HTTP/1.1\r\n" + END);
    assertThat(uri.status()).isEqualTo(414);
    assertThat(uri.json().get("errors").get(0).asText()).startsWith("uri: longer than");

    RawRequest headers =
        RawRequest.send(
            dashboard.port(),
            "PUT /api/v1/health HTTP/1.1\r\nX-Long: " + "x".repeat(70_000) + "\r\n" + END);
    assertThat(headers.status()).isEqualTo(431);
    assertThat(headers.contentType()).startsWith("application/json");
    assertThat(headers.json().get("errors").get(0).asText()).startsWith("headers: larger than");
  }

  @Test
  void badFramingIs400AsJson() {
    for (String framing :
        new String[] {
          "Transfer-Encoding: gzip\r\n",
          "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
          "Content-Length: abc\r\n",
          "Content-Length: 99999999999999999999999\r\n"
        }) {
      RawRequest r =
          RawRequest.send(dashboard.port(), "POST /api/v1/occupancy HTTP/1.1\r\n" + framing + END);
      assertThat(r.status()).as(framing).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).asText()).startsWith("request: ");
    }
  }
}

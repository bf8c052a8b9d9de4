package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.infra.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Jetty refuses before a route is reached, and methods Javalin cannot name: each is a 4xx
 * in ingest's JSON shape ({@code error}, {@code errors}), never Jetty's HTML page or a 5xx. Needs
 * no broker: nothing here reaches Kafka.
 */
class MalformedRequestsHttpTest {
  static Ingest ingest;

  @BeforeAll
  static void start() {
    ingest =
        Ingest.start(
            IngestConfig.builder()
                .kafkaBootstrap("127.0.0.1:" + FreePort.find())
                .host("127.0.0.1")
                .port(0)
                .build(),
            TestData.tokens(),
            TestData.clock());
  }

  @AfterAll
  static void stop() {
    if (ingest != null) ingest.close();
  }

  static final String END = "Host: {host}\r\nConnection: close\r\n\r\n";

  @ParameterizedTest(name = "{1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "post /v1/events HTTP/1.1 | 405 | method: 'post' is not a method ingest serves",
        "Put /v1/units/x HTTP/1.1 | 405 | method: 'Put' is not a method ingest serves",
        "GET /v1/health HTTP/9.9 | 400 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /v1/health HTTP/2.0 | 426 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /v1/health | 400 | version: only HTTP/1.0 and HTTP/1.1 are served",
        "GET /v1/heal th HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "G\u00c9T /v1/health HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "PUT /v1/units/%zz HTTP/1.1 | 400 | request: not a valid HTTP/1.1 request",
        "OPTIONS * HTTP/1.1 | 404 | path: no such endpoint",
      })
  void aMalformedRequestIsA4xxWithAJsonReason(String requestLine, int status, String reason) {
    RawRequest r = RawRequest.send(ingest.port(), requestLine + "\r\n" + END);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("errors").get(0).asText()).startsWith(reason);
    assertThat(r.json().get("error").asText()).contains(reason);
  }

  @Test
  void uriAndHeadersOverJettysLimitsAre414And431AsJsonForEveryMethod() {
    RawRequest uri =
        RawRequest.send(
            ingest.port(), "PUT /v1/units/" + "u".repeat(70_000) + " HTTP/1.1\r\n" + END);
    assertThat(uri.status()).isEqualTo(414);
    assertThat(uri.json().get("errors").get(0).asText()).startsWith("uri: longer than");

    RawRequest headers =
        RawRequest.send(
            ingest.port(),
            "POST /v1/events HTTP/1.1\r\nAuthorization: Bearer "
                + "t".repeat(70_000)
                + "\r\n"
                + END);
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
          "Content-Length: -1\r\n",
          "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n",
        }) {
      String body = framing.contains("chunked\r\nContent-Type") ? "ZZ\r\nabc\r\n0\r\n\r\n" : "";
      RawRequest r =
          RawRequest.send(ingest.port(), "POST /v1/events HTTP/1.1\r\n" + framing + END + body);
      assertThat(r.status()).as(framing + " → " + r.body()).isBetween(400, 499);
      assertThat(r.json().get("errors")).as(framing).isNotEmpty();
    }
  }
}

package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.FreePort;
import id.pantau.web.MalformedRequestCases;
import id.pantau.web.RawRequest;
import org.junit.jupiter.api.Test;

/**
 * The malformed-request cases every service answers alike ({@link MalformedRequestCases}) on
 * ingest, in its JSON shape ({@code error}, {@code errors}); and a bad chunk, which reaches the
 * route. Needs no broker: nothing here reaches Kafka.
 */
class MalformedRequestsHttpTest extends MalformedRequestCases {
  MalformedRequestsHttpTest() {
    super(new Service("/v1/health", "/v1/events", "/v1/units", "ingest"));
  }

  @Override
  protected Started start() {
    Ingest ingest =
        Ingest.start(
            IngestConfig.builder()
                .kafkaBootstrap("127.0.0.1:" + FreePort.find())
                .host("127.0.0.1")
                .port(0)
                .build(),
            TestData.tokens(),
            TestData.clock());
    return new Started(ingest.port(), ingest);
  }

  @Override
  protected void assertShape(int status, String reason, JsonNode body) {
    assertThat(body.get("error").asText()).isEqualTo("HTTP " + status + ": " + reason);
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.size()).isEqualTo(2);
  }

  @Test
  void aBadChunkIs4xxAsJson() {
    RawRequest r =
        RawRequest.send(
            port(),
            "POST /v1/events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\nHost: {host}\r\nConnection: close\r\n\r\n"
                + "ZZ\r\nabc\r\n0\r\n\r\n");

    assertThat(r.status()).as(r.body()).isBetween(400, 499);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("errors")).isNotEmpty();
  }
}

package id.pantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before a route is reached, and methods Javalin cannot name: each is a 4xx
 * with a JSON reason in the service's own shape ({@link JettyErrors}), never Jetty's HTML page or a
 * 5xx. The same cases for every service: a service's test extends this, names the service's paths,
 * starts it ({@link #start}, once for the class; stopped after the cases) and says what its error
 * JSON holds beside {@code errors}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MalformedRequestCases {
  static final String END = "Host: {host}\r\nConnection: close\r\n\r\n";

  private final Service service;
  private Started started;

  protected MalformedRequestCases(Service service) {
    this.service = service;
  }

  /** A started service: where it listens, and what stops it. */
  public record Started(int port, AutoCloseable server) {}

  /** Starts the service on a free loopback port. */
  protected abstract Started start() throws Exception;

  @BeforeAll
  void startService() throws Exception {
    started = start();
  }

  @AfterAll
  void stopService() throws Exception {
    if (started != null) started.server().close();
  }

  /** The port of the started service. */
  protected final int port() {
    return started.port();
  }

  /**
   * The service's paths.
   *
   * @param health its health endpoint (GET, no credential), e.g. /v1/health
   * @param post a path served by POST
   * @param other another route's path, e.g. /v1/units
   * @param service how a refused method names the service ({@link JettyErrors#install})
   */
  public record Service(String health, String post, String other, String service) {}

  protected final Service service() {
    return service;
  }

  /** Checks what the service's error JSON holds beside {@code errors}, given its first reason. */
  protected abstract void assertShape(int status, String reason, JsonNode body);

  List<Arguments> malformedRequestLines() {
    Service s = service();
    String method = "' is not a method " + s.service() + " serves";
    String version = "version: only HTTP/1.0 and HTTP/1.1 are served";
    String invalid = "request: not a valid HTTP/1.1 request";
    String parent = s.health().substring(0, s.health().lastIndexOf('/'));
    return List.of(
        Arguments.of("post " + s.post() + " HTTP/1.1", 405, "method: 'post" + method),
        Arguments.of("get " + s.other() + " HTTP/1.1", 405, "method: 'get" + method),
        Arguments.of("Put " + s.other() + " HTTP/1.1", 405, "method: 'Put" + method),
        Arguments.of("GET " + s.health() + " HTTP/9.9", 400, version),
        Arguments.of("GET " + s.health() + " HTTP/2.0", 426, version),
        Arguments.of("GET " + s.health(), 400, version),
        Arguments.of("GET " + s.health().replace("health", "heal th") + " HTTP/1.1", 400, invalid),
        Arguments.of("G\u00c9T " + s.health() + " HTTP/1.1", 400, invalid),
        Arguments.of("GET " + parent + "/%zz HTTP/1.1", 400, invalid),
        Arguments.of("PUT " + s.other() + "/%zz HTTP/1.1", 400, invalid),
        Arguments.of("OPTIONS * HTTP/1.1", 404, "path: no such endpoint"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("malformedRequestLines")
  void aMalformedRequestIsA4xxWithAJsonReason(String requestLine, int status, String reason) {
    RawRequest r = RawRequest.send(port(), requestLine + "\r\n" + END);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("errors").get(0).asText()).startsWith(reason);
    assertShape(status, r.json().get("errors").get(0).asText(), r.json());
  }

  List<Arguments> overLimits() {
    Service s = service();
    String uri = "uri: longer than the server reads (8 KiB)";
    String headers = "headers: larger than the server reads (8 KiB)";
    return List.of(
        Arguments.of("PUT " + s.other() + "/" + "u".repeat(70_000) + " HTTP/1.1\r\n", 414, uri),
        Arguments.of("GET " + s.health() + "?" + "q".repeat(70_000) + " HTTP/1.1\r\n", 414, uri),
        Arguments.of(
            "POST "
                + s.post()
                + " HTTP/1.1\r\nAuthorization: Bearer "
                + "t".repeat(70_000)
                + "\r\n",
            431,
            headers),
        Arguments.of(
            "PUT " + s.health() + " HTTP/1.1\r\nX-Long: " + "x".repeat(70_000) + "\r\n",
            431,
            headers));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("overLimits")
  void uriAndHeadersOverJettysLimitsAre414And431AsJsonForEveryMethod(
      String head, int status, String reason) {
    RawRequest r = RawRequest.send(port(), head + END);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("errors").get(0).asText()).startsWith(reason);
    assertShape(status, r.json().get("errors").get(0).asText(), r.json());
  }

  @Test
  void badFramingIs400AsJson() {
    Stream.of(
            "Transfer-Encoding: gzip\r\n",
            "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
            "Content-Length: abc\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: 99999999999999999999999\r\n",
            "Content-Length: 2\r\nContent-Length: 3\r\n")
        .forEach(
            framing -> {
              RawRequest r =
                  RawRequest.send(
                      port(), "POST " + service().post() + " HTTP/1.1\r\n" + framing + END);
              assertThat(r.status()).as(framing + " → " + r.body()).isEqualTo(400);
              assertThat(r.contentType()).as(framing).startsWith("application/json");
              String reason = r.json().get("errors").get(0).asText();
              assertThat(reason).as(framing).startsWith("request: ");
              assertShape(400, reason, r.json());
            });
  }
}

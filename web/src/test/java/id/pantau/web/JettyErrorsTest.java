package id.pantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.junit.jupiter.api.Test;

/**
 * The malformed-request cases on a bare Javalin with {@link JettyErrors} installed, in a shape of
 * its own ({@code {"code", "errors"}}): the shape and the service's name are the caller's, the
 * statuses and reasons are JettyErrors'.
 */
class JettyErrorsTest extends MalformedRequestCases {
  static final ObjectMapper JSON = new ObjectMapper();

  JettyErrorsTest() {
    super(new Service("/v1/health", "/v1/events", "/v1/units", "the test app"));
  }

  @Override
  protected Started start() {
    Javalin app = Javalin.create(JettyErrorsTest::configure).start("127.0.0.1", 0);
    return new Started(app.port(), app::stop);
  }

  /** JettyErrors in a shape of its own, and a route for each path of the cases. */
  static void configure(JavalinConfig c) {
    c.startup.showJavalinBanner = false;
    c.http.prefer405over404 = true;
    JettyErrors.install(c, "the test app", JettyErrorsTest::body);
    c.routes.get("/v1/health", ctx -> ctx.result("up"));
    c.routes.post("/v1/events", ctx -> ctx.result(ctx.body()));
    c.routes.put("/v1/units", ctx -> ctx.result(ctx.body()));
  }

  static byte[] body(int status, String error) {
    ObjectNode body = JSON.createObjectNode().put("code", status);
    body.putArray("errors").add(error);
    return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  protected void assertShape(int status, String reason, JsonNode body) {
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.size()).isEqualTo(2);
  }

  @Test
  void aWellFormedRequestReachesItsRoute() {
    RawRequest r = RawRequest.send(port(), "GET /v1/health HTTP/1.1\r\n" + END);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("up");
  }
}

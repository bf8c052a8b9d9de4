package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The served openapi.json against the server itself: it lists exactly the routes Javalin holds,
 * says which need a credential as the server asks for one, and /api/docs shows it with Swagger UI
 * from the WebJar on this server.
 */
class OpenApiRoutesTest {
  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @Test
  void theDocumentListsExactlyTheRoutesOfDashboardApp() {
    TreeSet<String> served = new TreeSet<>();
    for (String route : app.dashboard().routes()) {
      served.add(route.replaceAll("<([^>/]+)>", "{$1}")); // Javalin's <name> form, if ever used
    }
    TreeSet<String> documented = new TreeSet<>();
    OpenApi.operations(OpenApi.document()).forEach(op -> documented.add(op.route()));

    assertThat(served).as("routes of DashboardApp.routes").contains("GET /api/v1/health");
    assertThat(documented)
        .as(
            "openapi.json paths (a route is added to DashboardApp.routes and openapi.json together)")
        .isEqualTo(served);
  }

  @Test
  void theDocumentIsServedAsJsonWithoutAToken() {
    HttpResponse<String> r = app.get("/openapi.json", null);

    Http.assertAnswered(r, 200, "application/json");
    assertThat(Http.json(r)).isEqualTo(OpenApi.document());
  }

  @Test
  void theDocsPageRunsSwaggerUiFromItsWebJarOnThisServer() {
    HttpResponse<String> page = app.get("/api/docs", null);

    Http.assertAnswered(page, 200, "text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));

    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(page.body());
    while (m.find()) assets.add(m.group(1));
    assertThat(assets)
        .as("every script and style from this server")
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).startsWith("/").doesNotStartWith("//"));
    String bundle =
        assets.stream().filter(a -> a.endsWith("/swagger-ui-bundle.js")).findFirst().orElseThrow();
    assertThat(bundle).startsWith("/webjars/swagger-ui/");
    for (String asset : assets) {
      assertThat(app.get(asset, null).statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(app.get(bundle, null).body()).contains("SwaggerUIBundle");
    String init = assets.stream().filter(a -> a.startsWith("/docs/")).findFirst().orElseThrow();
    assertThat(app.get(init, null).body()).contains("url: '/openapi.json'");
  }

  /** An operation without {@code security: []} answers 401 without a credential; one with, not. */
  @Test
  void aCredentialIsAskedExactlyWhereTheDocumentSaysSo() {
    JsonNode doc = OpenApi.document();
    for (OpenApi.Operation op : OpenApi.operations(doc)) {
      boolean open = op.node().path("security").isArray() && op.node().path("security").isEmpty();
      String path = op.path().replaceAll("\\{[^}]+}", "tng-x");
      String body = op.method().equals("get") || op.method().equals("delete") ? null : "{}";
      HttpResponse<String> r =
          Http.request(op.method().toUpperCase(java.util.Locale.ROOT), app.url() + path, body);

      if (open) {
        assertThat(r.statusCode()).as(op.route() + " is public").isNotEqualTo(401);
      } else {
        assertThat(r.statusCode()).as(op.route() + " needs a credential").isEqualTo(401);
        assertThat(op.node().path("responses").has("401")).as(op.route()).isTrue();
      }
    }
  }
}

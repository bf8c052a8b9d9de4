package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.infra.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/docs in Debian's headless Chromium: Swagger UI runs under the page's policy. */
class ApiDocsIT {
  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  @Test
  void swaggerUiShowsEveryOperationOfTheDocumentUnderThePagesPolicy() throws Exception {
    int operations = OpenApi.operations(OpenApi.document()).size();
    try (Browser b = Browser.start()) {
      b.open(app.url() + "/api/docs");

      // The bundle ran (script-src 'self') and fetched /openapi.json (connect-src 'self').
      b.await(d -> b.findAll(".opblock").size() == operations);
      assertThat(b.find(".info .title").getText()).startsWith("Pantau dashboard-api");
      assertThat(b.findAll(".opblock-summary-path[data-path='/api/v1/units/{unitId}/occupancy']"))
          .hasSize(1);
    }
  }
}

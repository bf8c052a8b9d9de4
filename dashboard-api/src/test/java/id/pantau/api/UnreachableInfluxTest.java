package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.infra.FreePort;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With no influxd at the configured URL, readers get a 503 naming InfluxDB, not a stack trace. */
class UnreachableInfluxTest {
  @Test
  void occupancyIs503WithRetryAfterWhenInfluxdbIsUnreachable() {
    String nowhere = "http://127.0.0.1:" + FreePort.find();
    TokenStore tokens =
        TokenStore.of(
            Map.of(
                TokenStore.sha256("t"), new Principal("ops", Role.OPERATOR, Set.of(), Set.of())));
    try (Dashboard d =
        Dashboard.start(
            new DashboardConfig(
                nowhere, "pantau", "127.0.0.1:" + FreePort.find(), "127.0.0.1", 0, null),
            tokens)) {
      HttpResponse<String> r = Http.get(d.url() + "/api/v1/occupancy", "t");

      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(Http.json(r).get("errors").get(0).asText()).startsWith("influxdb:");
    }
  }
}

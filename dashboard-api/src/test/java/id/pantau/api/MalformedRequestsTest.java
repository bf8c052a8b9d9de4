package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.web.MalformedRequestCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The malformed-request cases every service answers alike ({@link MalformedRequestCases}) on the
 * dashboard, in the API's JSON shape ({@code status}, {@code errors}). Needs no influxd or Kafka:
 * nothing here reaches them.
 */
class MalformedRequestsTest extends MalformedRequestCases {
  Dashboard dashboard;

  @BeforeAll
  void start() {
    dashboard = LiveDashboard.start(LiveDashboard.noInfluxd(), LiveDashboard.noKafka());
  }

  @AfterAll
  void stop() {
    if (dashboard != null) dashboard.close();
  }

  @Override
  protected int port() {
    return dashboard.port();
  }

  @Override
  protected Service service() {
    return new Service("/api/v1/health", "/api/v1/occupancy", "/api/v1/breaches", "this API");
  }

  @Override
  protected void assertShape(int status, String reason, JsonNode body) {
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.size()).isEqualTo(2);
  }
}

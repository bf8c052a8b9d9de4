package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.web.MalformedRequestCases;

/**
 * The malformed-request cases every service answers alike ({@link MalformedRequestCases}) on the
 * dashboard, in the API's JSON shape ({@code status}, {@code errors}). Needs no influxd or Kafka:
 * nothing here reaches them.
 */
class MalformedRequestsTest extends MalformedRequestCases {
  MalformedRequestsTest() {
    super(new Service("/api/v1/health", "/api/v1/occupancy", "/api/v1/breaches", "this API"));
  }

  @Override
  protected Started start() {
    Dashboard dashboard = LiveDashboard.start(LiveDashboard.noInfluxd(), LiveDashboard.noKafka());
    return new Started(dashboard.port(), dashboard);
  }

  @Override
  protected void assertShape(int status, String reason, JsonNode body) {
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.size()).isEqualTo(2);
  }
}

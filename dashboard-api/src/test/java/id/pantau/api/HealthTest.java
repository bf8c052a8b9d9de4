package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.InfluxServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/health against a real Kafka broker and real influxd processes. */
class HealthTest {
  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInfluxAndKafka();

  @TempDir Path dir;

  /** The health a dashboard answers, without a token, after checking its status. */
  static JsonNode health(String dashboardUrl, int status) {
    HttpResponse<String> r = Http.get(dashboardUrl + "/api/v1/health", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Http.json(r);
  }

  @Test
  void healthIs200WhenKafkaAndInfluxdbAnswerAndNeedsNoToken() {
    JsonNode body = health(app.url(), 200);

    assertThat(body.get("kafka").asText()).isEqualTo("up");
    assertThat(body.get("influxdb").asText()).isEqualTo("up");
  }

  @Test
  void healthIs503NamingInfluxdbOnceInfluxdStops() throws Exception {
    InfluxServer own = InfluxServer.start(dir.resolve("influx-stopped"));
    try (Dashboard d = LiveDashboard.start(own.url(), app.kafka().bootstrapServers())) {
      health(d.url(), 200);

      own.stop();
      JsonNode body = health(d.url(), 503);

      assertThat(body.get("influxdb").asText()).isEqualTo("down");
      assertThat(body.get("kafka").asText()).isEqualTo("up");
    } finally {
      own.close();
    }
  }

  @Test
  void healthIs503NamingKafkaWhenNoBrokerAnswers() {
    try (Dashboard d = LiveDashboard.start(app.influxUrl(), LiveDashboard.noKafka())) {
      JsonNode body = health(d.url(), 503);

      assertThat(body.get("kafka").asText()).isEqualTo("down");
      assertThat(body.get("influxdb").asText()).isEqualTo("up");
    }
  }
}

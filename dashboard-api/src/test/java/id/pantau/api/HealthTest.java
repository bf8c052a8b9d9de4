package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.TokenStore;
import id.pantau.infra.FreePort;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/health against a real Kafka broker and real influxd processes. */
class HealthTest {
  @TempDir static Path dir;
  static KafkaBroker kafka;
  static InfluxServer influx;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"));
    influx = InfluxServer.start(dir.resolve("influx"));
  }

  @AfterAll
  static void stop() {
    if (influx != null) influx.close();
    if (kafka != null) kafka.close();
  }

  static Dashboard dashboard(String influxUrl, String kafkaBootstrap) {
    return Dashboard.start(
        new DashboardConfig(influxUrl, "pantau", kafkaBootstrap, "127.0.0.1", 0, null),
        TokenStore.of(Map.of()));
  }

  @Test
  void healthIs200WhenKafkaAndInfluxdbAnswerAndNeedsNoToken() {
    try (Dashboard d = dashboard(influx.url(), kafka.bootstrapServers())) {
      HttpResponse<String> r = Http.get(d.url() + "/api/v1/health", null);

      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = Http.json(r);
      assertThat(body.get("kafka").asText()).isEqualTo("up");
      assertThat(body.get("influxdb").asText()).isEqualTo("up");
    }
  }

  @Test
  void healthIs503NamingInfluxdbOnceInfluxdStops() throws Exception {
    InfluxServer own = InfluxServer.start(dir.resolve("influx-stopped"));
    try (Dashboard d = dashboard(own.url(), kafka.bootstrapServers())) {
      assertThat(Http.get(d.url() + "/api/v1/health", null).statusCode()).isEqualTo(200);

      own.stop();
      HttpResponse<String> r = Http.get(d.url() + "/api/v1/health", null);

      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode body = Http.json(r);
      assertThat(body.get("influxdb").asText()).isEqualTo("down");
      assertThat(body.get("kafka").asText()).isEqualTo("up");
    } finally {
      own.close();
    }
  }

  @Test
  void healthIs503NamingKafkaWhenNoBrokerAnswers() {
    try (Dashboard d = dashboard(influx.url(), "127.0.0.1:" + FreePort.find())) {
      HttpResponse<String> r = Http.get(d.url() + "/api/v1/health", null);

      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode body = Http.json(r);
      assertThat(body.get("kafka").asText()).isEqualTo("down");
      assertThat(body.get("influxdb").asText()).isEqualTo("up");
    }
  }
}

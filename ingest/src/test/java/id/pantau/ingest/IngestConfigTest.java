package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.device.DeviceTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
  @Test
  void defaultsWhenTheEnvironmentSaysNothing() {
    IngestConfig c = IngestConfig.fromEnv(Map.of());
    assertThat(c.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(8081);
    assertThat(c.tokensFile()).isNull();
    assertThat(c.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(c.maxLines()).isEqualTo(10_000);
    assertThat(c.kafkaTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.retryAfterSeconds()).isEqualTo(5);
    assertThat(c.relaxDeviceAuth()).isFalse();
    assertThat(c.deviceTokens()).isEqualTo(DeviceTokens.ACCEPT);
  }

  @Test
  void readsEveryVariable() {
    IngestConfig c =
        IngestConfig.fromEnv(
            Map.of(
                "PANTAU_KAFKA_BOOTSTRAP", "k1:9092,k2:9092",
                "PANTAU_INGEST_HOST", "127.0.0.1",
                "PANTAU_INGEST_PORT", "18081",
                "PANTAU_TOKENS_FILE", "/etc/pantau/tokens.json",
                "PANTAU_INGEST_MAX_BODY_BYTES", "1024",
                "PANTAU_INGEST_MAX_LINES", "7",
                "PANTAU_INGEST_KAFKA_TIMEOUT_MS", "2500",
                "PANTAU_INGEST_DEDUP_CAPACITY", "10",
                "PANTAU_INGEST_RELAX_DEVICE_AUTH", "TRUE"));
    assertThat(c.kafkaBootstrap()).isEqualTo("k1:9092,k2:9092");
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(18081);
    assertThat(c.tokensFile()).isEqualTo(Path.of("/etc/pantau/tokens.json"));
    assertThat(c.maxBodyBytes()).isEqualTo(1024);
    assertThat(c.maxLines()).isEqualTo(7);
    assertThat(c.kafkaTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.retryAfterSeconds()).isEqualTo(3);
    assertThat(c.dedupCapacity()).isEqualTo(10);
    assertThat(c.relaxDeviceAuth()).isTrue();
  }

  @Test
  void aMalformedValueNamesItsVariable() {
    assertThatThrownBy(() -> IngestConfig.fromEnv(Map.of("PANTAU_INGEST_PORT", "80a")))
        .hasMessage("PANTAU_INGEST_PORT: must be a port number 0 to 65535 (got '80a')");
    assertThatThrownBy(
            () -> IngestConfig.fromEnv(Map.of("PANTAU_INGEST_RELAX_DEVICE_AUTH", "yes please")))
        .hasMessageContaining("PANTAU_INGEST_RELAX_DEVICE_AUTH")
        .hasMessageContaining("true or false");
  }

  @Test
  void deviceTokensAreAcceptedOrRefusedAndAnythingElseStopsTheStart() {
    assertThat(
            IngestConfig.fromEnv(Map.of("PANTAU_INGEST_DEVICE_TOKENS", " Refuse ")).deviceTokens())
        .isEqualTo(DeviceTokens.REFUSE);
    assertThat(IngestConfig.fromEnv(Map.of("PANTAU_INGEST_DEVICE_TOKENS", "accept")).deviceTokens())
        .isEqualTo(DeviceTokens.ACCEPT);
    assertThatThrownBy(() -> IngestConfig.fromEnv(Map.of("PANTAU_INGEST_DEVICE_TOKENS", "reject")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("PANTAU_INGEST_DEVICE_TOKENS: must be accept or refuse")
        .hasMessageEndingWith("(got 'reject')");
  }
}

package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.access.TokenStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelaxedDeviceAuthTest {
  private static IngestConfig relaxedOn(String host) {
    return IngestConfig.builder()
        .host(host)
        .port(0)
        .kafkaBootstrap("127.0.0.1:1")
        .kafkaTimeout(Duration.ofSeconds(1))
        .relaxDeviceAuth(true)
        .build();
  }

  /** Builds ingest's app (not started) with relaxed device auth on the host. */
  private static void createOn(String host) {
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher("127.0.0.1:1", Duration.ofSeconds(1))) {
      IngestApp.create(relaxedOn(host), publisher, TokenStore.of(Map.of()));
    }
  }

  @Test
  void refusesToServeRelaxedAuthOnANonLoopbackAddress() {
    assertThatThrownBy(() -> createOn("0.0.0.0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> Ingest.start(relaxedOn("0.0.0.0"), TokenStore.of(Map.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void allowsRelaxedAuthOnLoopback() {
    assertThatCode(() -> createOn("127.0.0.1")).doesNotThrowAnyException();
    assertThatCode(() -> createOn("localhost")).doesNotThrowAnyException();
  }
}

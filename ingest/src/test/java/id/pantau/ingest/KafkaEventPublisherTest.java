package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {
  private static int intOf(Properties p, String key) {
    return Integer.parseInt(p.get(key).toString());
  }

  @Test
  void boundsEveryProducerWaitByTheConfiguredTimeout() {
    Properties p = KafkaEventPublisher.producerProperties("127.0.0.1:1", Duration.ofSeconds(5));
    assertThat(intOf(p, ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(5000);
    assertThat(intOf(p, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5000);
    // the client refuses delivery.timeout.ms < linger.ms + request.timeout.ms
    assertThat(intOf(p, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
        .isGreaterThanOrEqualTo(
            intOf(p, ProducerConfig.LINGER_MS_CONFIG)
                + intOf(p, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
  }

  @Test
  void isIdempotentWithAcksAllLz4AndLargeBatches() {
    Properties p = KafkaEventPublisher.producerProperties("127.0.0.1:1", Duration.ofSeconds(5));
    assertThat(p.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
    assertThat(intOf(p, ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(5);
    assertThat(intOf(p, ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(128 * 1024);
    assertThat(p.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
  }

  @Test
  void theProducerAcceptsTheseSettingsWithoutABroker() {
    // Constructing validates the configuration; nothing connects until the first send.
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher("127.0.0.1:1", Duration.ofSeconds(1))) {
      assertThat(publisher).isNotNull();
    }
  }
}

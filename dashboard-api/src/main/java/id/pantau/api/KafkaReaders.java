package id.pantau.api;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.LoggerFactory;

/**
 * The consumer settings of dashboard-api's background readers (alert feed, check-in book): no
 * group, no commits, short timeouts so an outage is noticed and retried quickly.
 */
final class KafkaReaders {
  private KafkaReaders() {}

  static KafkaConsumer<byte[], byte[]> create(
      String bootstrapServers, String clientId, String offsetReset, Duration apiTimeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000);
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5000);
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Closes a reader's consumer (null: nothing to close) without letting a failure escape. */
  static void closeQuietly(KafkaConsumer<byte[], byte[]> consumer, String reader) {
    if (consumer == null) return;
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(KafkaReaders.class)
          .debug("{}: closing the consumer failed", reader, e);
    }
  }
}

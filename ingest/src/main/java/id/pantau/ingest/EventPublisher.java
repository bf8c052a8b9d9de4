package id.pantau.ingest;

import java.util.concurrent.CompletableFuture;

/** Where accepted records go: Kafka in every running ingest ({@link KafkaEventPublisher}). */
public interface EventPublisher extends AutoCloseable {
  /**
   * Sends one record; the future completes when the broker acknowledged it (acks=all) and fails
   * when it did not within the publisher's bound. Never throws: a failure to even send comes back
   * as a failed future.
   */
  CompletableFuture<Void> publish(String topic, String key, byte[] value);

  /** Whether the broker answers right now, for the health endpoint. */
  boolean reachable();

  @Override
  void close();
}

package id.pantau.ingest;

import java.util.concurrent.CompletableFuture;

/** Where accepted records go: Kafka in every running ingest ({@link KafkaEventPublisher}). */
public interface EventPublisher extends AutoCloseable {
  /** Told once per record: {@code error} is null when the broker acknowledged it (acks=all). */
  @FunctionalInterface
  interface Acknowledgement {
    void done(Exception error);
  }

  /**
   * Sends one record and tells {@code then} when the broker acknowledged it or when it failed
   * (within the publisher's bound). Never throws: a failure to even send is told to {@code then}
   * before this returns. The callback may run on the producer's I/O thread: keep it short.
   */
  void publish(String topic, String key, byte[] value, Acknowledgement then);

  /** One record, as a future that completes when the broker acknowledged it. Never throws. */
  default CompletableFuture<Void> publish(String topic, String key, byte[] value) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    publish(
        topic,
        key,
        value,
        error -> {
          if (error != null) acked.completeExceptionally(error);
          else acked.complete(null);
        });
    return acked;
  }

  /** Whether the broker answers right now, for the health endpoint. */
  boolean reachable();

  @Override
  void close();
}

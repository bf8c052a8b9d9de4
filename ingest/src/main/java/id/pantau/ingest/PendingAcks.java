package id.pantau.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgements of one request's records, counted: {@link #done()} completes once Kafka
 * acknowledged every record sent and {@link #seal()} said no more will follow, and fails at the
 * first failure. One counter instead of a future per record keeps the producer's I/O thread, which
 * runs the callbacks, from doing more than a decrement per record.
 */
final class PendingAcks {
  private final boolean[] acked;
  // One more than the records still unacknowledged until seal(), so done cannot complete early.
  private final AtomicInteger outstanding = new AtomicInteger(1);
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private int sent;

  PendingAcks(int capacity) {
    this.acked = new boolean[capacity];
  }

  /** The callback for the next record sent (number {@link #sent()} before the call). */
  EventPublisher.Acknowledgement next() {
    int i = sent++;
    outstanding.incrementAndGet();
    return error -> {
      if (error != null) {
        done.completeExceptionally(error);
      } else {
        acked[i] = true; // published to readers by the decrement below
        arrived();
      }
    };
  }

  /** No more records: done completes when those sent are acknowledged (at once if none was). */
  void seal() {
    arrived();
  }

  private void arrived() {
    if (outstanding.decrementAndGet() == 0) done.complete(null);
  }

  CompletableFuture<Void> done() {
    return done;
  }

  /** Whether a record failed already (e.g. refused at once): sending more would be in vain. */
  boolean failed() {
    return done.isCompletedExceptionally();
  }

  int sent() {
    return sent;
  }

  /**
   * Whether record i was acknowledged. After done completed normally, true for every record; after
   * a failure, true at least for those acknowledged before it (reading the counter first makes
   * their marks visible), so their event IDs can still be remembered.
   */
  boolean acked(int i) {
    return outstanding.get() >= 0 && acked[i];
  }
}

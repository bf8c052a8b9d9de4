package id.pantau.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Records to Kafka, answered only once Kafka acknowledged every one (acks=all): the future fails
 * with the {@link IngestException} to answer (503 with Retry-After, or 413 for a record Kafka will
 * never take). Events whose ID was acknowledged recently, or that appear twice in one request, are
 * not sent again; their IDs are remembered before the answer completes.
 */
final class AckedWrites {
  /** A record to publish; dedupKey is null for reference data (the latest version always goes). */
  record Outgoing(String topic, String key, byte[] value, String dedupKey)
      implements EventDecoder.Result {}

  /** Added to the producer's own bound, for the callbacks to arrive. */
  private static final long ACK_SLACK_MS = 2000;

  private final IngestConfig config;
  private final EventPublisher publisher;
  private final RecentEventIds recent;

  AckedWrites(IngestConfig config, EventPublisher publisher) {
    this.config = config;
    this.publisher = publisher;
    this.recent = new RecentEventIds(config.dedupCapacity());
  }

  /** Events, deduplicated by ID; no thread waits for Kafka meanwhile. */
  CompletableFuture<Void> events(List<Outgoing> outgoing) {
    return publish(recent.unseen(outgoing, Outgoing::dedupKey), true);
  }

  /** Reference data, for endpoints that answer from the request's thread. */
  void referenceData(List<Outgoing> outgoing) {
    try {
      publish(outgoing, false).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IngestException refused) throw refused;
      throw unavailable(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for Kafka");
    }
  }

  boolean reachable() {
    return publisher.reachable();
  }

  private CompletableFuture<Void> publish(List<Outgoing> toSend, boolean dedup) {
    PendingAcks acks = new PendingAcks(toSend.size());
    for (Outgoing o : toSend) {
      publisher.publish(o.topic(), o.key(), o.value(), acks.next());
      // Kafka refused at once (no metadata within max.block.ms): sending the rest would block
      // for that long each.
      if (acks.failed()) break;
    }
    acks.seal();
    long waitMs = config.kafkaTimeout().toMillis() + ACK_SLACK_MS;
    CompletableFuture<Void> answer = new CompletableFuture<>();
    // The producer fails a record within its own bound; this is the backstop should it not.
    ScheduledFuture<?> backstop =
        acks.done().isDone()
            ? null
            : Backstop.TIMER.schedule(
                () ->
                    answer.completeExceptionally(
                        unavailable("no acknowledgement within " + waitMs + " ms")),
                waitMs,
                TimeUnit.MILLISECONDS);
    acks.done()
        .whenComplete(
            (ok, error) -> {
              if (backstop != null) backstop.cancel(false);
              if (dedup) remember(toSend, acks);
              if (error == null) answer.complete(null);
              else answer.completeExceptionally(refusal(error));
            });
    return answer;
  }

  /** Remembers the event IDs Kafka acknowledged (all of them, unless the request failed). */
  private void remember(List<Outgoing> sent, PendingAcks acks) {
    List<String> ids = new ArrayList<>(acks.sent());
    for (int i = 0; i < acks.sent(); i++) {
      if (acks.acked(i)) ids.add(sent.get(i).dedupKey());
    }
    recent.addAll(ids);
  }

  private IngestException refusal(Throwable error) {
    Throwable cause =
        error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
    if (cause instanceof RecordTooLargeException) {
      return IngestException.tooLarge(
          "a record is larger than Kafka accepts", "body: " + cause.getMessage());
    }
    return unavailable(cause.toString());
  }

  private IngestException unavailable(String cause) {
    long retry = config.retryAfterSeconds();
    return IngestException.unavailable(
        "Kafka did not acknowledge within "
            + config.kafkaTimeout().toMillis()
            + " ms, so this request is not accepted: retry after "
            + retry
            + " s (events that Kafka did store are recognized by their eventId, not stored twice)",
        List.of("kafka: " + cause),
        retry);
  }

  /** One daemon thread for every request's backstop; a cancelled timer leaves its queue at once. */
  private static final class Backstop {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread thread = new Thread(r, "ingest-ack-backstop");
                thread.setDaemon(true);
                return thread;
              });
      t.setRemoveOnCancelPolicy(true);
      return t;
    }
  }
}

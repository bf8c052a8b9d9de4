package id.pantau.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of the {@link LiveSimulator}, kept by its thread and read by any ({@link #stats}):
 * units put, roster rows, events sent, accepted, rejected and dropped, offline phones' late uploads
 * and those held back, the local time of the last event. Logs each event ingest rejects once (the
 * first 20): a rejected event is a bug of the sim.
 */
final class LiveCounters {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCounters.class);
  private static final int MAX_LOGGED_REJECTIONS = 20;

  final AtomicLong unitsPut = new AtomicLong();
  final AtomicLong rosterRows = new AtomicLong();
  final AtomicLong eventsSent = new AtomicLong();
  final AtomicLong eventsDropped = new AtomicLong();
  private final AtomicLong eventsAccepted = new AtomicLong();
  private final AtomicLong eventsRejected = new AtomicLong();
  private final AtomicLong lateUploads = new AtomicLong();
  private volatile long heldBack;
  private volatile String lastEvent = "";
  private final Set<String> loggedRejections = new HashSet<>();

  /** Events made by now whose phone has not uploaded them yet. */
  void heldBack(long n) {
    heldBack = n;
  }

  /**
   * Counts a batch that ingest answered 2xx for, {"accepted": N, "rejected": [...]}, and logs new
   * rejections.
   *
   * @param lastEvent the local time of the batch's last event, e.g. "10:42 WIB"
   */
  void sent(List<Outgoing> batch, IngestClient.Answer answer, String lastEvent) {
    eventsSent.addAndGet(batch.size());
    lateUploads.addAndGet(batch.stream().filter(Outgoing::late).count());
    this.lastEvent = lastEvent;
    JsonNode json = answer.json();
    JsonNode rejected = json == null ? null : json.get("rejected");
    int rejectedCount = rejected != null && rejected.isArray() ? rejected.size() : 0;
    long accepted =
        json != null && json.path("accepted").canConvertToLong()
            ? json.path("accepted").asLong()
            : batch.size() - rejectedCount;
    eventsAccepted.addAndGet(accepted);
    eventsRejected.addAndGet(rejectedCount);
    if (rejectedCount == 0) return;
    for (JsonNode r : rejected) {
      String eventId = r.path("eventId").asText("");
      String key = eventId.isEmpty() ? "line " + r.path("line").asText("?") : eventId;
      if (!loggedRejections.add(key)) continue;
      if (loggedRejections.size() > MAX_LOGGED_REJECTIONS) {
        if (loggedRejections.size() == MAX_LOGGED_REJECTIONS + 1) {
          LOG.warn("more events rejected; counted in stats(), not logged");
        }
        continue;
      }
      LOG.warn("ingest rejected event {} (a sim bug): {}", key, r.path("errors"));
    }
  }

  LiveStats stats(long retries, boolean backfilled) {
    return new LiveStats(
        unitsPut.get(),
        eventsSent.get(),
        eventsAccepted.get(),
        eventsRejected.get(),
        eventsDropped.get(),
        retries,
        backfilled,
        lastEvent,
        rosterRows.get(),
        lateUploads.get(),
        heldBack);
  }
}

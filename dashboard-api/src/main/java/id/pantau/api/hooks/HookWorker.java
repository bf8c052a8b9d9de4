package id.pantau.api.hooks;

import id.pantau.api.AlertFeed;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one hook: its own {@link TopicFollower} on the alerts topic, from the hook's saved
 * progress, POSTs each alert in scope on the follower's thread and retries it until it is delivered
 * or given up, then saves the progress. Kafka is the hook's queue: the follower reads no further
 * than its deliveries, so a dead hook holds only its own thread, never another hook.
 */
final class HookWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HookWorker.class);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final int KEPT_ATTEMPTS = 100;

  /** How often progress over alerts out of scope is saved (in-scope ones: after each). */
  private static final Duration SKIP_SAVE = Duration.ofSeconds(10);

  private final Hook hook;
  private final HttpClient http;
  private final Backoff backoff;
  private final HookTopics topics;
  private final Clock clock;
  private final Map<Integer, Long> offsets; // the follower's thread only
  private final Deque<Attempt> attempts = new ArrayDeque<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile CompletableFuture<HttpResponse<Void>> inFlight;
  private volatile Map<Integer, Long> saved;
  private Instant lastSave;
  private boolean unsaved;
  private final TopicFollower follower;

  HookWorker(
      Hook hook,
      Map<Integer, Long> from,
      String bootstrap,
      HttpClient http,
      Backoff backoff,
      HookTopics topics,
      Clock clock) {
    this.hook = hook;
    this.http = http;
    this.backoff = backoff;
    this.topics = topics;
    this.clock = clock;
    this.offsets = new HashMap<>(from);
    this.saved = Map.copyOf(from);
    this.lastSave = clock.instant();
    this.follower =
        TopicFollower.of(bootstrap, topics.alertsTopic())
            .clientId("pantau-hook-" + hook.name())
            .name("hook " + hook.name())
            .from(Start.at(from))
            .onRecord(this::handle)
            .start();
  }

  Hook hook() {
    return hook;
  }

  /** The last attempts, oldest first. */
  List<Attempt> attempts() {
    synchronized (attempts) {
      return new ArrayList<>(attempts);
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    if (closed()) return; // the rest of a poll after close(): the next worker reads it
    Alert alert = AlertFeed.read(r);
    boolean covered = alert != null && hook.covers(alert);
    if (covered && !deliver(alert)) return; // closed while retrying: not done
    offsets.put(r.partition(), r.offset() + 1);
    unsaved = true;
    if (covered || Duration.between(lastSave, clock.instant()).compareTo(SKIP_SAVE) >= 0) save();
  }

  /** True when delivered or given up; false when the worker closed first. */
  private boolean deliver(Alert alert) {
    byte[] body = Json.text(alert).getBytes(StandardCharsets.UTF_8);
    Instant first = clock.instant();
    Duration wait = backoff.first();
    for (int attempt = 1; !closed(); attempt++) {
      Instant at = clock.instant();
      Integer status = null;
      String error = null;
      try {
        status = post(body, at.getEpochSecond(), alert).statusCode();
      } catch (Exception e) {
        if (closed()) return false;
        error = describe(e);
      }
      if (status != null && status / 100 == 2) {
        record(at, alert, attempt, status, null, Attempt.Outcome.DELIVERED, null);
        return true;
      }
      if (Duration.between(first, clock.instant()).compareTo(backoff.giveUpAfter()) >= 0) {
        LOG.warn(
            "hook {}: gave up on alert {} after {} attempts (last: {})",
            hook.name(),
            alert.alertId,
            attempt,
            status != null ? "HTTP " + status : error);
        record(at, alert, attempt, status, error, Attempt.Outcome.FAILED, null);
        return true;
      }
      Instant next = clock.instant().plus(wait);
      record(at, alert, attempt, status, error, Attempt.Outcome.RETRYING, next.toString());
      if (await(wait)) return false;
      wait = backoff.after(wait);
    }
    return false;
  }

  private HttpResponse<Void> post(byte[] body, long epochSeconds, Alert alert) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hook.url()))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(Signature.TIMESTAMP, Long.toString(epochSeconds))
            .header(Signature.SIGNATURE, Signature.sign(hook.secret(), epochSeconds, body))
            .header("Idempotency-Key", alert.alertId + ":" + alert.phase)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    CompletableFuture<HttpResponse<Void>> f =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    inFlight = f;
    try {
      if (closed()) f.cancel(true);
      // The request has its own timeout; this bound only guards against a client that hangs.
      return f.get(REQUEST_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } finally {
      inFlight = null;
    }
  }

  private static String describe(Exception e) {
    if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
      return "timed out";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private void record(
      Instant at,
      Alert a,
      int attempt,
      Integer status,
      String error,
      Attempt.Outcome outcome,
      String next) {
    synchronized (attempts) {
      if (attempts.size() == KEPT_ATTEMPTS) attempts.removeFirst();
      attempts.addLast(
          new Attempt(
              at.toString(), a.alertId, a.phase, a.kind, attempt, status, error, outcome, next));
    }
  }

  private void save() {
    if (!unsaved || closed()) return;
    try {
      Map<Integer, Long> now = Map.copyOf(offsets);
      topics.saveProgress(hook.name(), now);
      saved = now;
      unsaved = false;
      lastSave = clock.instant();
    } catch (IllegalStateException e) {
      // Kept in memory and saved with the next alert; a restart before then delivers again, which
      // the Idempotency-Key lets the receiver drop.
      LOG.warn("hook {}: could not save its progress: {}", hook.name(), e.getMessage());
    }
  }

  /** The progress as last saved: where a worker replacing this one starts. */
  Map<Integer, Long> saved() {
    return saved;
  }

  private boolean closed() {
    return closing.getCount() == 0;
  }

  /** Waits, or less when closing; true when closing. */
  private boolean await(Duration d) {
    try {
      return closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Stops delivering: a retry's wait and a request in flight end at once. */
  @Override
  public void close() {
    closing.countDown();
    CompletableFuture<HttpResponse<Void>> f = inFlight;
    if (f != null) f.cancel(true);
    follower.close();
  }
}

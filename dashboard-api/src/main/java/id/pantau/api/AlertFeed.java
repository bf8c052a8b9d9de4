package id.pantau.api;

import com.fasterxml.jackson.databind.ObjectReader;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts topic, live, for every connected client of one dashboard process: ONE {@link
 * TopicFollower} fans each alert out to the subscribers whose filter lets it through. It starts
 * {@link #REPLAY_BACK} back, reading those alerts only into the kept ones a resuming client is
 * replayed from, so a client that reconnects with Last-Event-ID after a restart of dashboard-api
 * gets what it missed while the API was down; only alerts read once caught up go out live. Each
 * subscriber has its own queue, drained on a writer pool, so a slow client delays only itself; one
 * more than {@value #MAX_BACKLOG} frames behind is cut off (its client reconnects).
 *
 * <p>Every subscriber gets a comment {@value #CONNECTED} when it subscribes, {@value #LIVE} once
 * the follower has caught up with the topic (from then on no alert is missed), and {@value
 * #KEEP_ALIVE} every heartbeat so proxies keep the connection.
 *
 * <p>Kafka unreachable: subscribers stay connected and wait; the follower logs a WARN, backs off
 * and retries, resuming where it was. Partitions added later, and a topic that appears after the
 * feed found it missing, are read from their beginning.
 */
public final class AlertFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

  public static final Duration HEARTBEAT = Duration.ofSeconds(15);
  public static final String CONNECTED = "connected";
  public static final String LIVE = "live";
  public static final String KEEP_ALIVE = "keep-alive";
  static final int MAX_BACKLOG = 1000;

  /** How many of the latest alerts are kept to replay to a client resuming with Last-Event-ID. */
  static final int REPLAY_KEPT = 500;

  /** How far back a started feed reads alerts to replay (by record time: the alert's time). */
  static final Duration REPLAY_BACK = Duration.ofHours(24);

  private static final ObjectReader ALERT = Json.MAPPER.readerFor(Alert.class);

  /** A subscriber's registration: closing it stops the alerts (the sink is not closed). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final String bootstrapServers;
  private final String topic;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ExecutorService writers;
  private final ScheduledExecutorService ticker;
  private final AtomicBoolean closed = new AtomicBoolean();
  // Guards itself and the fan-out, so a resuming client gets each alert once: replayed or live.
  private final RecentAlerts recent = new RecentAlerts(REPLAY_KEPT);
  private volatile boolean live;
  private final TopicFollower follower;

  private AlertFeed(String bootstrapServers, String topic, Duration heartbeat) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.writers = Executors.newCachedThreadPool(daemons("pantau-alert-writer"));
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemons("pantau-alert-heartbeat"));
    long ms = heartbeat.toMillis();
    ticker.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
    // Last: its thread calls back into this feed.
    this.follower =
        TopicFollower.of(bootstrapServers, topic)
            .clientId("pantau-dashboard-alerts")
            .name("alert feed")
            .from(Start.within(REPLAY_BACK, java.time.Clock.systemUTC()))
            .onRecord(this::dispatch)
            .onCaughtUp(this::markLive)
            .start();
  }

  /** Starts reading {@link Topics#ALERTS} at its end, with a heartbeat every 15 s. */
  public static AlertFeed start(String bootstrapServers) {
    return start(bootstrapServers, Topics.ALERTS, HEARTBEAT);
  }

  /** Starts reading the topic at its end; returns at once, even when Kafka is unreachable. */
  public static AlertFeed start(String bootstrapServers, String topic, Duration heartbeat) {
    return new AlertFeed(bootstrapServers, topic, heartbeat);
  }

  /**
   * True once the feed has caught up with the topic's end: every alert written from then on reaches
   * subscribers.
   */
  public boolean live() {
    return live;
  }

  /** Sends the sink every alert {@code visible} accepts until the subscription is closed. */
  public Subscription subscribe(Predicate<Alert> visible, AlertSink sink) {
    return subscribe(visible, sink, null);
  }

  /**
   * As {@link #subscribe(Predicate, AlertSink)}, first replaying the kept alerts read after the one
   * with event id {@code lastEventId} (a reconnecting client's {@code Last-Event-ID}; null: none).
   */
  public Subscription subscribe(Predicate<Alert> visible, AlertSink sink, String lastEventId) {
    Subscriber s = new Subscriber(visible, sink);
    if (closed.get()) {
      sink.close();
      return s;
    }
    synchronized (recent) {
      subscribers.add(s);
      s.enqueue(k -> k.comment(CONNECTED));
      // Before the feed caught up, what was missed is not all read yet: replayed once it has.
      if (live) replay(s, lastEventId);
      else s.resumeAfter = lastEventId;
    }
    if (live) s.tellLive();
    if (closed.get()) s.end(); // closed while subscribing: close() may have missed it
    return s;
  }

  /** Stops following the topic and ends every subscriber's stream. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    follower.close();
    ticker.shutdownNow();
    for (Subscriber s : subscribers) s.end();
    writers.shutdown();
    try {
      if (!writers.awaitTermination(5, TimeUnit.SECONDS)) writers.shutdownNow();
    } catch (InterruptedException e) {
      writers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> r) {
    Alert alert = read(r);
    if (alert == null) return;
    String json = Json.text(alert);
    synchronized (recent) {
      recent.add(alert, json);
      if (!live) return; // catching up: kept for a resuming client, not news
      for (Subscriber s : subscribers) s.offer(alert, json);
    }
  }

  /** The kept alerts after {@code lastEventId} to {@code s}; the caller holds {@code recent}. */
  private void replay(Subscriber s, String lastEventId) {
    for (RecentAlerts.Kept k : recent.after(lastEventId)) s.offer(k.alert(), k.json());
  }

  /**
   * The alert a record of the alerts topic holds, or null (with a WARN) when it is none: not JSON
   * of an alert, or without kind or unitId. Every reader of the topic skips the same records.
   */
  public static Alert read(ConsumerRecord<byte[], byte[]> r) {
    Alert alert;
    try {
      alert = r.value() == null ? null : ALERT.readValue(r.value());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "alerts: skipping {}-{} offset {}: not an alert ({})",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return null;
    }
    if (alert == null || blank(alert.kind) || blank(alert.unitId)) {
      LOG.warn(
          "alerts: skipping {}-{} offset {}: an alert needs kind and unitId",
          r.topic(),
          r.partition(),
          r.offset());
      return null;
    }
    return alert;
  }

  private void markLive() {
    if (live) return;
    synchronized (recent) {
      for (Subscriber s : subscribers) {
        if (s.resumeAfter != null) replay(s, s.resumeAfter);
        s.resumeAfter = null;
      }
      live = true;
    }
    LOG.info("alert feed: reading {} on {}", topic, bootstrapServers);
    for (Subscriber s : subscribers) s.tellLive();
  }

  private void heartbeat() {
    for (Subscriber s : subscribers) s.enqueue(k -> k.comment(KEEP_ALIVE));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // --- one subscriber ---------------------------------------------------------------------------

  /** What to send: true while the client is still there. */
  private interface Frame extends Predicate<AlertSink> {}

  private final class Subscriber implements Subscription {
    final Predicate<Alert> visible;
    final AlertSink sink;
    final Queue<Frame> backlog = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();
    final AtomicBoolean draining = new AtomicBoolean();
    final AtomicBoolean toldLive = new AtomicBoolean();
    final AtomicBoolean ended = new AtomicBoolean();
    volatile boolean cancelled;

    /** The Last-Event-ID to replay after once the feed caught up; guarded by {@code recent}. */
    String resumeAfter;

    Subscriber(Predicate<Alert> visible, AlertSink sink) {
      this.visible = visible;
      this.sink = sink;
    }

    /** Queues the alert when the subscriber may see it. */
    void offer(Alert alert, String json) {
      boolean show;
      try {
        show = visible.test(alert);
      } catch (RuntimeException e) {
        show = false;
      }
      if (show) enqueue(k -> k.alert(alert, json));
    }

    void tellLive() {
      if (toldLive.compareAndSet(false, true)) enqueue(k -> k.comment(LIVE));
    }

    void enqueue(Frame frame) {
      if (cancelled) return;
      if (size.incrementAndGet() > MAX_BACKLOG) {
        LOG.warn(
            "alert feed: a client is {} frames behind; ending its stream (it may reconnect)",
            MAX_BACKLOG);
        end();
        return;
      }
      backlog.add(frame);
      if (draining.compareAndSet(false, true)) {
        try {
          writers.execute(this::drain);
        } catch (RejectedExecutionException e) {
          draining.set(false); // closing
        }
      }
    }

    /** Sends the backlog in order; exactly one drain runs at a time. */
    private void drain() {
      while (true) {
        Frame f;
        while (!cancelled && (f = backlog.poll()) != null) {
          size.decrementAndGet();
          boolean open;
          try {
            open = f.test(sink);
          } catch (RuntimeException e) {
            open = false;
          }
          if (!open) end();
        }
        draining.set(false);
        if (cancelled || backlog.isEmpty() || !draining.compareAndSet(false, true)) return;
      }
    }

    /** Unsubscribes; the sink stays open. */
    @Override
    public void close() {
      cancelled = true;
      subscribers.remove(this);
      backlog.clear();
    }

    /** Unsubscribes and ends the client's stream, off the caller's thread when it can. */
    void end() {
      close();
      if (!ended.compareAndSet(false, true)) return;
      try {
        writers.execute(this::closeSink);
      } catch (RejectedExecutionException e) {
        closeSink();
      }
    }

    private void closeSink() {
      try {
        sink.close();
      } catch (RuntimeException e) {
        LOG.debug("alert feed: closing a client failed", e);
      }
    }
  }
}

package id.pantau.api;

import com.fasterxml.jackson.databind.ObjectReader;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts topic, live, for every connected client of one dashboard process: ONE Kafka consumer
 * thread (no consumer group: it assigns itself every partition and starts at the end) fans each
 * alert out to the subscribers whose filter lets it through. Each subscriber has its own queue,
 * drained on a writer pool, so a slow client delays only itself; one more than {@value
 * #MAX_BACKLOG} frames behind is cut off (its client reconnects).
 *
 * <p>Every subscriber gets a comment {@value #CONNECTED} when it subscribes, {@value #LIVE} once
 * the feed reads the topic (from then on no alert is missed), and {@value #KEEP_ALIVE} every
 * heartbeat so proxies keep the connection.
 *
 * <p>Kafka unreachable: subscribers stay connected and wait; the consumer thread logs a WARN, backs
 * off and retries, resuming where it was. Partitions added later, and a topic that appears after
 * the feed found it missing, are read from their beginning.
 */
public final class AlertFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

  public static final Duration HEARTBEAT = Duration.ofSeconds(15);
  public static final String CONNECTED = "connected";
  public static final String LIVE = "live";
  public static final String KEEP_ALIVE = "keep-alive";
  static final int MAX_BACKLOG = 1000;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration API_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
  private static final Duration NO_TOPIC_WAIT = Duration.ofSeconds(1);
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
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean live;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  // Owned by the consumer thread.
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private boolean listedOnce;

  private AlertFeed(String bootstrapServers, String topic, Duration heartbeat) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.writers = Executors.newCachedThreadPool(daemons("pantau-alert-writer"));
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemons("pantau-alert-heartbeat"));
    long ms = heartbeat.toMillis();
    ticker.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
    this.thread = new Thread(this::run, "pantau-alert-feed");
    thread.setDaemon(true);
  }

  /** Starts reading {@link Topics#ALERTS} at its end, with a heartbeat every 15 s. */
  public static AlertFeed start(String bootstrapServers) {
    return start(bootstrapServers, Topics.ALERTS, HEARTBEAT);
  }

  /** Starts reading the topic at its end; returns at once, even when Kafka is unreachable. */
  public static AlertFeed start(String bootstrapServers, String topic, Duration heartbeat) {
    AlertFeed feed = new AlertFeed(bootstrapServers, topic, heartbeat);
    feed.thread.start();
    return feed;
  }

  /** True once the feed reads the topic: every alert written from then on reaches subscribers. */
  public boolean live() {
    return live;
  }

  /** Sends the sink every alert {@code visible} accepts until the subscription is closed. */
  public Subscription subscribe(Predicate<Alert> visible, AlertSink sink) {
    Subscriber s = new Subscriber(visible, sink);
    if (closed.get()) {
      sink.close();
      return s;
    }
    subscribers.add(s);
    s.enqueue(k -> k.comment(CONNECTED));
    if (live) s.tellLive();
    if (closed.get()) s.end(); // closed while subscribing: close() may have missed it
    return s;
  }

  /** Stops the consumer thread and ends every subscriber's stream. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    closing.countDown();
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) c.wakeup();
    ticker.shutdownNow();
    try {
      thread.join(API_TIMEOUT.plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Subscriber s : subscribers) s.end();
    writers.shutdown();
    try {
      if (!writers.awaitTermination(5, TimeUnit.SECONDS)) writers.shutdownNow();
    } catch (InterruptedException e) {
      writers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // --- the consumer thread ----------------------------------------------------------------------

  private void run() {
    ReaderOutage outage =
        new ReaderOutage(
            LOG, "alert feed", topic + " on " + bootstrapServers, ", SSE clients stay connected");
    long nextRefresh = 0;
    try {
      while (!isClosing()) {
        try {
          if (consumer == null) {
            consumer = newConsumer();
            nextRefresh = 0;
            // close() wakes the consumer it sees: one made after that must see the close here.
            if (isClosing()) break;
          }
          KafkaConsumer<byte[], byte[]> c = consumer;
          if (System.nanoTime() - nextRefresh >= 0) {
            assign(c);
            nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
          }
          outage.readWorked();
          if (c.assignment().isEmpty()) {
            // The topic does not exist yet: look again soon (it is read from its beginning).
            await(NO_TOPIC_WAIT);
            nextRefresh = 0;
            continue;
          }
          for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) dispatch(r);
          for (TopicPartition tp : c.assignment()) positions.put(tp, c.position(tp, API_TIMEOUT));
        } catch (WakeupException e) {
          if (isClosing()) break;
        } catch (RuntimeException e) {
          if (isClosing()) break;
          Duration wait = outage.readFailed(e);
          closeConsumer();
          await(wait);
        }
      }
    } catch (Throwable t) {
      LOG.error("alert feed: the consumer thread stopped; SSE clients get no more alerts", t);
      throw t;
    } finally {
      closeConsumer();
    }
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    return KafkaReaders.create(bootstrapServers, "pantau-dashboard-alerts", "latest", API_TIMEOUT);
  }

  /**
   * Assigns every partition of the topic. A partition is resumed where the feed was; at the first
   * listing it starts at its end; found later (added, or the topic created since), at its
   * beginning. Positions are resolved here, so from the moment the feed is live nothing written is
   * missed.
   */
  private void assign(KafkaConsumer<byte[], byte[]> c) {
    List<PartitionInfo> infos = c.partitionsFor(topic, API_TIMEOUT);
    boolean first = !listedOnce;
    listedOnce = true;
    Set<TopicPartition> all = new HashSet<>();
    if (infos != null) {
      for (PartitionInfo i : infos) all.add(new TopicPartition(i.topic(), i.partition()));
    }
    Set<TopicPartition> before = c.assignment();
    if (!all.isEmpty() && !all.equals(before)) {
      c.assign(all);
      for (TopicPartition tp : all) {
        if (before.contains(tp)) continue;
        Long at = positions.get(tp);
        if (at != null) c.seek(tp, at);
        else if (first) c.seekToEnd(List.of(tp));
        else c.seekToBeginning(List.of(tp));
      }
      for (TopicPartition tp : all) positions.put(tp, c.position(tp, API_TIMEOUT));
    }
    markLive();
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> r) {
    Alert alert;
    try {
      alert = r.value() == null ? null : ALERT.readValue(r.value());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "alert feed: skipping {}-{} offset {}: not an alert ({})",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return;
    }
    if (alert == null || blank(alert.kind) || blank(alert.unitId)) {
      LOG.warn(
          "alert feed: skipping {}-{} offset {}: an alert needs kind and unitId",
          r.topic(),
          r.partition(),
          r.offset());
      return;
    }
    String json = Json.text(alert);
    for (Subscriber s : subscribers) {
      boolean visible;
      try {
        visible = s.visible.test(alert);
      } catch (RuntimeException e) {
        visible = false;
      }
      if (visible) s.enqueue(k -> k.alert(alert, json));
    }
  }

  private void markLive() {
    if (live) return;
    live = true;
    LOG.info("alert feed: reading {} on {}", topic, bootstrapServers);
    for (Subscriber s : subscribers) s.tellLive();
  }

  private void heartbeat() {
    for (Subscriber s : subscribers) s.enqueue(k -> k.comment(KEEP_ALIVE));
  }

  private boolean isClosing() {
    return closing.getCount() == 0;
  }

  /** Waits the time out, or less when the feed closes. */
  private void await(Duration d) {
    try {
      closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing.countDown();
    }
  }

  private void closeConsumer() {
    KafkaReaders.closeQuietly(consumer, "alert feed");
    consumer = null;
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

    Subscriber(Predicate<Alert> visible, AlertSink sink) {
      this.visible = visible;
      this.sink = sink;
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

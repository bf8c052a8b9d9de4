package id.pantau.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Kafka topic: a daemon thread with a {@link KafkaConsumer} of its own, in no consumer
 * group (nothing is committed), assigns itself every partition of the topic and hands each record
 * to a callback, in order within a partition.
 *
 * <ul>
 *   <li>It starts where {@link Start} says; partitions found later (the topic did not exist yet, or
 *       got more partitions) are read from their beginning. It looks for new partitions every
 *       second while the topic is missing, then every {@link Builder#partitionRefresh 30 s}.
 *   <li>It tells when it has <em>caught up</em>: read up to the end offsets the partitions of its
 *       first listing had (a topic missing then: at once). From then on it follows live.
 *   <li>Kafka unreachable: the client reconnects by itself and the follower resumes where it was;
 *       each failed attempt is logged at DEBUG, the outage as one WARN line when it begins and once
 *       a minute (no stack trace), and its end at INFO; attempts back off from 1 s to 10 s.
 *   <li>A callback that throws skips that record (a WARN line); the follower goes on.
 *   <li>{@link #close()} wakes the consumer and returns within about a second.
 * </ul>
 *
 * <p>Build one with {@link #of(String, String)}.
 */
public final class TopicFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration API_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration NO_TOPIC_WAIT = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  private final String bootstrapServers;
  private final String topic;
  private final String name;
  private final String clientId;
  private final Start start;
  private final Duration partitionRefresh;
  private final Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
  private final Runnable onCaughtUp;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  // Owned by the follower's thread.
  private boolean listed;
  private Map<TopicPartition, Long> catchUpTo;

  private TopicFollower(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.topic = b.topic;
    this.name = b.name == null ? b.clientId : b.name;
    this.clientId = b.clientId;
    this.start = b.start;
    this.partitionRefresh = b.partitionRefresh;
    this.onRecord = Objects.requireNonNull(b.onRecord, "onRecord");
    this.onCaughtUp = b.onCaughtUp;
    this.thread = new Thread(this::run, clientId);
    thread.setDaemon(true);
  }

  /** A follower of {@code topic} on the Kafka cluster at {@code bootstrapServers}, to configure. */
  public static Builder of(String bootstrapServers, String topic) {
    return new Builder(bootstrapServers, topic);
  }

  public String topic() {
    return topic;
  }

  /**
   * True once the follower has read up to the end offsets its first listing found (and its {@link
   * Builder#onCaughtUp} callback has run).
   */
  public boolean caughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Waits until {@link #caughtUp()}, at most {@code timeout}; true when it has. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next offset to read per partition number, as of the last poll. */
  public Map<Integer, Long> positions() {
    return Map.copyOf(positions);
  }

  /** Stops the thread (waking the consumer) and closes the consumer; closing twice does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    closing.countDown();
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) c.wakeup();
    if (Thread.currentThread() == thread) return; // closed from a callback: the loop ends
    try {
      thread.join(API_TIMEOUT.plus(CLOSE_TIMEOUT).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- the follower's thread ---------------------------------------------------------------------

  private void run() {
    Outage outage = new Outage(LOG, name, topic + " on " + bootstrapServers);
    long nextRefresh = System.nanoTime();
    try {
      while (!isClosing()) {
        try {
          if (consumer == null) {
            consumer =
                FollowerConsumer.create(
                    bootstrapServers, clientId, start, partitionRefresh, API_TIMEOUT);
            // close() wakes the consumer it sees: one made after that must see the close here.
            if (isClosing()) break;
          }
          KafkaConsumer<byte[], byte[]> c = consumer;
          if (System.nanoTime() - nextRefresh >= 0) {
            nextRefresh = System.nanoTime(); // until it worked: a failure retries it
            refresh(c);
            nextRefresh = System.nanoTime() + partitionRefresh.toNanos();
          }
          outage.readWorked();
          if (c.assignment().isEmpty()) {
            // The topic does not exist yet: look again soon (it is read from its beginning).
            checkCaughtUp();
            await(NO_TOPIC_WAIT);
            nextRefresh = System.nanoTime();
            continue;
          }
          for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) hand(r);
          for (TopicPartition tp : c.assignment()) {
            positions.put(tp.partition(), c.position(tp, API_TIMEOUT));
          }
          checkCaughtUp();
        } catch (WakeupException e) {
          if (isClosing()) break;
        } catch (RuntimeException e) {
          if (isClosing()) break;
          nextRefresh = System.nanoTime();
          await(outage.readFailed(e));
        }
      }
    } catch (Throwable t) {
      LOG.error("{}: the thread following {} stopped", name, topic, t);
      throw t;
    } finally {
      closeConsumer();
    }
  }

  /**
   * Assigns every partition of the topic: those of the first listing where {@link Start} says,
   * those found later from their beginning; the partitions assigned before keep their positions.
   * Positions are resolved here, so nothing written from now on is missed. The first listing also
   * sets the end offsets to catch up with.
   */
  private void refresh(KafkaConsumer<byte[], byte[]> c) {
    Set<TopicPartition> all = new HashSet<>();
    List<PartitionInfo> infos = c.partitionsFor(topic, API_TIMEOUT);
    if (infos != null) {
      for (PartitionInfo i : infos) all.add(new TopicPartition(i.topic(), i.partition()));
    }
    Set<TopicPartition> before = c.assignment();
    if (!all.isEmpty() && !all.equals(before)) {
      Set<TopicPartition> found = new HashSet<>(all);
      found.removeAll(before);
      Map<TopicPartition, Long> offsets =
          listed ? Map.of() : FollowerConsumer.startOffsets(c, start, found, API_TIMEOUT);
      c.assign(all);
      FollowerConsumer.seek(c, found, offsets, !listed && start instanceof Start.End);
      for (TopicPartition tp : all) positions.put(tp.partition(), c.position(tp, API_TIMEOUT));
    }
    listed = true;
    if (catchUpTo == null) {
      Set<TopicPartition> first = c.assignment();
      catchUpTo = first.isEmpty() ? Map.of() : new HashMap<>(c.endOffsets(first, API_TIMEOUT));
    }
  }

  private void hand(ConsumerRecord<byte[], byte[]> r) {
    try {
      onRecord.accept(r);
    } catch (RuntimeException e) {
      LOG.warn(
          "{}: skipping {}-{} offset {}: {}",
          name,
          r.topic(),
          r.partition(),
          r.offset(),
          e.toString());
    }
  }

  private void checkCaughtUp() {
    if (caughtUp() || catchUpTo == null) return;
    for (Map.Entry<TopicPartition, Long> e : catchUpTo.entrySet()) {
      Long at = positions.get(e.getKey().partition());
      if (at == null || at < e.getValue()) return;
    }
    LOG.debug("{}: caught up with {} at {}", name, topic, catchUpTo);
    try {
      if (onCaughtUp != null) onCaughtUp.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: the caught-up callback failed: {}", name, e.toString());
    }
    caughtUp.countDown();
  }

  private boolean isClosing() {
    return closing.getCount() == 0;
  }

  /** Waits the time out, or less when the follower closes. */
  private void await(Duration d) {
    try {
      closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing.countDown();
    }
  }

  private void closeConsumer() {
    KafkaConsumer<byte[], byte[]> c = consumer;
    consumer = null;
    if (c == null) return;
    try {
      c.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    } catch (RuntimeException e) {
      LOG.debug("{}: closing the consumer failed: {}", name, e.toString());
    }
  }

  /** How to follow: a client id is required, and what to do with each record. */
  public static final class Builder {
    private final String bootstrapServers;
    private final String topic;
    private String clientId;
    private String name;
    private Start start = Start.beginning();
    private Duration partitionRefresh = Duration.ofSeconds(30);
    private Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
    private Runnable onCaughtUp;

    private Builder(String bootstrapServers, String topic) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      this.topic = Objects.requireNonNull(topic, "topic");
    }

    /** The consumer's {@code client.id}, also the thread's name (e.g. "pantau-ingest-units"). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Who follows, at the start of its log lines (e.g. "alert feed"); default the client id. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Where to start; default {@link Start#beginning()}. */
    public Builder from(Start start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** How often to look for partitions added to the topic; default 30 s. */
    public Builder partitionRefresh(Duration every) {
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("partitionRefresh: must be positive");
      }
      this.partitionRefresh = every;
      return this;
    }

    /** Gets each record on the follower's thread (a tombstone has a null value). */
    public Builder onRecord(Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
      this.onRecord = onRecord;
      return this;
    }

    /** Runs once on the follower's thread when it has caught up (see {@link #caughtUp()}). */
    public Builder onCaughtUp(Runnable onCaughtUp) {
      this.onCaughtUp = onCaughtUp;
      return this;
    }

    /** Starts the thread; returns at once, even when Kafka is unreachable. */
    public TopicFollower start() {
      Objects.requireNonNull(clientId, "clientId");
      TopicFollower f = new TopicFollower(this);
      f.thread.start();
      return f;
    }
  }
}

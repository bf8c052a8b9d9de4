package id.pantau.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.infra.FreePort;
import id.pantau.infra.KafkaBroker;
import id.pantau.infra.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TopicFollower} (module events) on a real Kafka broker. It lives here because events cannot
 * have a test dependency on infra, which depends on events (Maven refuses the cycle).
 *
 * <p>Every wait has a deadline and ends as soon as its condition holds.
 */
class TopicFollowerTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start(dir.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) broker.close();
  }

  /** What a follower handed over, in the order it did, and how much of it before it caught up. */
  static final class Collected {
    final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    final AtomicInteger atCaughtUp = new AtomicInteger(-1);

    synchronized void add(ConsumerRecord<byte[], byte[]> r) {
      records.add(r);
    }

    synchronized void caughtUp() {
      atCaughtUp.set(records.size());
    }

    synchronized int size() {
      return records.size();
    }

    synchronized List<String> values() {
      return records.stream().map(r -> text(r.value())).toList();
    }

    synchronized List<String> valuesOf(int partition) {
      return records.stream()
          .filter(r -> r.partition() == partition)
          .map(r -> text(r.value()))
          .toList();
    }

    synchronized List<String> positions() {
      return records.stream().map(r -> r.partition() + "@" + r.offset()).toList();
    }

    boolean await(int n) {
      return Poll.until(DEADLINE, () -> size() >= n);
    }
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static TopicFollower.Builder follower(String topic, Collected into) {
    return TopicFollower.of(broker.bootstrapServers(), topic)
        .clientId("test-" + topic)
        .onRecord(into::add)
        .onCaughtUp(into::caughtUp);
  }

  /** The follower started and caught up with what its topic held (closed if it does not). */
  static TopicFollower caughtUp(TopicFollower.Builder builder) throws InterruptedException {
    TopicFollower f = builder.start();
    try {
      assertThat(f.awaitCaughtUp(DEADLINE)).isTrue();
      return f;
    } catch (AssertionError e) {
      f.close();
      throw e;
    }
  }

  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  static void send(String topic, int partition, Long timestamp, String... values) throws Exception {
    try (KafkaProducer<String, String> p = producer()) {
      for (String v : values) {
        p.send(new ProducerRecord<>(topic, partition, timestamp, v, v)).get(30, TimeUnit.SECONDS);
      }
    }
  }

  static void send(String topic, int partition, String... values) throws Exception {
    send(topic, partition, null, values);
  }

  @Test
  void fromTheBeginningItHandsOverEveryRecordInOrderAndIsCaughtUpOnceItHasThemAll()
      throws Exception {
    broker.createTopic("t.beginning", 2, false);
    send("t.beginning", 0, "a0", "a1", "a2");
    send("t.beginning", 1, "b0", "b1");
    Collected got = new Collected();

    try (TopicFollower f = caughtUp(follower("t.beginning", got).from(Start.beginning()))) {
      assertThat(got.atCaughtUp.get()).as("handed over before it said so").isEqualTo(5);
      assertThat(got.valuesOf(0)).containsExactly("a0", "a1", "a2");
      assertThat(got.valuesOf(1)).containsExactly("b0", "b1");
      assertThat(f.positions()).isEqualTo(Map.of(0, 3L, 1, 2L));

      send("t.beginning", 1, "b2");
      assertThat(got.await(6)).isTrue();
      assertThat(got.valuesOf(1)).containsExactly("b0", "b1", "b2");
    }
  }

  @Test
  void fromTheEndItHandsOverOnlyWhatIsWrittenOnceItIsCaughtUp() throws Exception {
    broker.createTopic("t.end", 2, false);
    send("t.end", 0, "old0");
    send("t.end", 1, "old1");
    Collected got = new Collected();

    try (TopicFollower f = caughtUp(follower("t.end", got).from(Start.end()))) {
      send("t.end", 0, "new0");
      send("t.end", 1, "new1");

      assertThat(got.await(2)).isTrue();
      assertThat(got.values()).containsExactlyInAnyOrder("new0", "new1");
    }
  }

  @Test
  void fromGivenPositionsAPartitionNotNamedStartsAtItsBeginning() throws Exception {
    broker.createTopic("t.at", 2, false);
    send("t.at", 0, "a0", "a1", "a2", "a3");
    send("t.at", 1, "b0", "b1");
    Collected got = new Collected();

    try (TopicFollower f = caughtUp(follower("t.at", got).from(Start.at(Map.of(0, 2L))))) {
      assertThat(got.atCaughtUp.get()).isEqualTo(4);
      assertThat(got.valuesOf(0)).containsExactly("a2", "a3");
      assertThat(got.valuesOf(1)).containsExactly("b0", "b1");
    }
  }

  @Test
  void withinATimeSpanItStartsAtTheFirstRecordThatRecent() throws Exception {
    broker.createTopic("t.within", 2, false);
    Instant now = Instant.now();
    long old = now.minus(Duration.ofDays(3)).toEpochMilli();
    long recent = now.minus(Duration.ofHours(1)).toEpochMilli();
    send("t.within", 0, old, "a-old0", "a-old1");
    send("t.within", 0, recent, "a-new0", "a-new1");
    send("t.within", 1, old, "b-old"); // nothing recent: starts at its end
    Collected got = new Collected();

    Start lastDay = Start.within(Duration.ofDays(1), Clock.systemUTC());
    try (TopicFollower f = caughtUp(follower("t.within", got).from(lastDay))) {
      assertThat(got.values()).containsExactly("a-new0", "a-new1");

      send("t.within", 1, old, "b-late-but-old-stamped");
      assertThat(got.await(3)).isTrue();
      assertThat(got.valuesOf(1)).containsExactly("b-late-but-old-stamped");
    }
  }

  @Test
  void aMissingTopicIsWaitedForAndPartitionsFoundLaterAreReadFromTheirBeginning() throws Exception {
    Collected got = new Collected();
    try (TopicFollower f =
            follower("t.later", got)
                .from(Start.end())
                .partitionRefresh(Duration.ofMillis(200))
                .start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      assertThat(f.awaitCaughtUp(DEADLINE)).as("nothing to catch up with").isTrue();

      broker.createTopic("t.later", 1, false);
      send("t.later", 0, "first");
      assertThat(got.await(1)).isTrue();

      admin
          .createPartitions(Map.of("t.later", NewPartitions.increaseTo(3)))
          .all()
          .get(30, TimeUnit.SECONDS);
      send("t.later", 2, "in-a-new-partition");
      assertThat(got.await(2)).isTrue();
      assertThat(got.values()).containsExactly("first", "in-a-new-partition");
    }
  }

  @Test
  void aRecordTheCallbackFailsOnIsSkippedAndTheRestFollow() throws Exception {
    broker.createTopic("t.refused", 1, false);
    send("t.refused", 0, "good0", "bad", "good1");
    Collected got = new Collected();

    try (TopicFollower f =
        caughtUp(
            TopicFollower.of(broker.bootstrapServers(), "t.refused")
                .clientId("test-t.refused")
                .onRecord(
                    r -> {
                      if ("bad".equals(text(r.value()))) throw new IllegalStateException("refused");
                      got.add(r);
                    }))) {
      assertThat(got.values()).containsExactly("good0", "good1");
    }
  }

  @Test
  void closingReturnsPromptlyWhetherKafkaAnswersOrNot() throws Exception {
    TopicFollower nowhere =
        TopicFollower.of("127.0.0.1:" + FreePort.find(), "t.nowhere")
            .clientId("test-t.nowhere")
            .onRecord(r -> {})
            .start();
    // Listing the partitions of a topic on no broker waits up to 5 s: close() must not.
    assertThat(Poll.until(DEADLINE, () -> inCall("test-t.nowhere", "partitionsFor"))).isTrue();
    long t0 = System.nanoTime();
    nowhere.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));

    broker.createTopic("t.close", 1, false);
    TopicFollower polling = caughtUp(follower("t.close", new Collected()));
    long t1 = System.nanoTime();
    polling.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(2));
    polling.close(); // twice: nothing
    assertThat(nowhere.caughtUp()).isFalse();
  }

  /** True while the named thread is inside a method of that name. */
  static boolean inCall(String thread, String method) {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (!e.getKey().getName().equals(thread)) continue;
      for (StackTraceElement frame : e.getValue()) {
        if (frame.getMethodName().equals(method)) return true;
      }
    }
    return false;
  }

  @Test
  void itSurvivesTheBrokerGoingAwayAndResumesWhereItWas() throws Exception {
    broker.createTopic("t.outage", 2, false);
    send("t.outage", 0, "before0");
    send("t.outage", 1, "before1");
    Collected got = new Collected();

    try (TopicFollower f = caughtUp(follower("t.outage", got))) {
      assertThat(got.size()).isEqualTo(2);

      int port = broker.port();
      broker.stop();
      broker = KafkaBroker.start(dir.resolve("kafka"), port);
      send("t.outage", 0, "after0");
      send("t.outage", 1, "after1");

      assertThat(got.await(4)).isTrue();
      assertThat(got.valuesOf(0)).containsExactly("before0", "after0");
      assertThat(got.valuesOf(1)).containsExactly("before1", "after1");
      assertThat(got.positions()).doesNotHaveDuplicates();
    }
  }
}

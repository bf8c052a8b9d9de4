package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.events.Topics;
import id.pantau.infra.FreePort;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alert feed's fan-out with no broker at its address: heartbeats, slow clients, closing. */
class AlertFeedTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  static String nowhere() {
    return "127.0.0.1:" + FreePort.find();
  }

  /** Records comments; closes when told. */
  static class RecordingSink implements AlertSink {
    final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public boolean alert(Alert alert, String json) {
      return true;
    }

    @Override
    public boolean comment(String text) {
      comments.add(text);
      return true;
    }

    @Override
    public void close() {
      closed.countDown();
    }

    boolean awaitComment(String text) throws InterruptedException {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        String c = comments.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (text.equals(c)) return true;
      }
      return false;
    }
  }

  @Test
  void aSubscriberIsGreetedAndGetsHeartbeatsEvenWhileKafkaIsDown() throws Exception {
    try (AlertFeed feed = AlertFeed.start(nowhere(), Topics.ALERTS, Duration.ofMillis(50))) {
      RecordingSink sink = new RecordingSink();
      feed.subscribe(a -> true, sink);

      assertThat(sink.comments.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
          .isEqualTo(AlertFeed.CONNECTED);
      assertThat(sink.awaitComment(AlertFeed.KEEP_ALIVE)).isTrue();
      assertThat(sink.awaitComment(AlertFeed.KEEP_ALIVE)).isTrue();
      assertThat(feed.live()).isFalse();
    }
  }

  @Test
  void aClientThatStopsReadingIsCutOffWithoutHoldingUpTheOthers() throws Exception {
    try (AlertFeed feed = AlertFeed.start(nowhere(), Topics.ALERTS, Duration.ofMillis(1))) {
      CountDownLatch release = new CountDownLatch(1);
      RecordingSink stuck =
          new RecordingSink() {
            @Override
            public boolean comment(String text) {
              try {
                release.await(); // a client whose socket no longer drains
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return true;
            }
          };
      RecordingSink healthy = new RecordingSink();
      feed.subscribe(a -> true, stuck);
      feed.subscribe(a -> true, healthy);

      // Over MAX_BACKLOG heartbeats pile up behind the stuck write: its stream is ended.
      assertThat(stuck.closed.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      assertThat(healthy.awaitComment(AlertFeed.KEEP_ALIVE)).isTrue();
      assertThat(healthy.closed.getCount()).isEqualTo(1);
      release.countDown();
    }
  }

  @Test
  void closingTheFeedEndsEveryStreamAndRefusesNewOnes() throws Exception {
    AlertFeed feed = AlertFeed.start(nowhere(), Topics.ALERTS, AlertFeed.HEARTBEAT);
    RecordingSink before = new RecordingSink();
    feed.subscribe(a -> true, before);

    feed.close();

    assertThat(before.closed.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    RecordingSink after = new RecordingSink();
    feed.subscribe(a -> true, after);
    assertThat(after.closed.getCount()).isZero();
  }
}

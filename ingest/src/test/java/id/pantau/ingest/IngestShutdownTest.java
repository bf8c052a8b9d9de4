package id.pantau.ingest;

import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.attendance;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ingest stopped (as its shutdown hook does on SIGTERM) while clients post: every event it answered
 * 202 for is in Kafka, and no client gets anything but 202, a 503 or a refused connection.
 */
class IngestShutdownTest {
  @RegisterExtension static final LiveIngest live = LiveIngest.withDefaults();

  private static final int CLIENTS = 6;

  @Test
  void stoppingUnderLoadLosesNoAcceptedEventAndAnswersNothingButAcceptedOrUnavailable()
      throws Exception {
    Ingest ingest = live.start(b -> b);
    HttpProbe http = new HttpProbe(ingest.url());
    Map<TopicPartition, Long> before = live.topics.end(Topics.ATTENDANCE);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(
          clients.submit(
              () -> {
                // Until a refused connection after the stop: the listener is closed.
                while (true) {
                  String id = TestData.id();
                  try {
                    HttpProbe.Answer a =
                        http.postEvent(DEVICE, attendance(id, "198703122010011002"));
                    statuses
                        .computeIfAbsent(a.status(), s -> new AtomicInteger())
                        .incrementAndGet();
                    if (a.status() == 202) accepted.add(id);
                  } catch (UncheckedIOException e) {
                    refused.incrementAndGet();
                    if (stopped.get()) return;
                  }
                }
              }));
    }
    assertThat(Poll.until(Duration.ofSeconds(60), () -> accepted.size() >= 100))
        .as("events accepted before the stop")
        .isTrue();

    long stopping = System.nanoTime();
    ingest.close();
    double seconds = (System.nanoTime() - stopping) / 1e9;
    stopped.set(true);
    for (Future<?> f : running) f.get(60, TimeUnit.SECONDS);
    clients.shutdown();

    Set<String> inKafka = ConcurrentHashMap.newKeySet();
    for (ConsumerRecord<String, String> r : live.topics.since(before)) {
      inKafka.add(Json.MAPPER.readTree(r.value()).get("eventId").asText());
    }
    System.err.printf(
        "IngestShutdownTest: stopped in %.2f s under %d clients; answers %s, %d refused"
            + " connections, %d accepted, %d in Kafka%n",
        seconds, CLIENTS, statuses, refused.get(), accepted.size(), inKafka.size());
    assertThat(inKafka).as("every event answered 202 is in Kafka").containsAll(accepted);
    assertThat(statuses.keySet()).as("the answers' statuses").isSubsetOf(202, 503);
    assertThat(seconds).as("seconds to stop").isLessThan(30);
  }
}

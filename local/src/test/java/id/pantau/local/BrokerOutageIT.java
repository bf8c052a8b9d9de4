package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.KafkaBroker;
import id.pantau.ingest.Ingest;
import id.pantau.ingest.IngestConfig;
import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.DaySender;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.SteppedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes down for 30 s in the middle of a simulated day streamed through ingest by the
 * sim's client: ingest answers 503 with Retry-After meanwhile, the client retries honouring it, and
 * afterwards every event ingest should accept is on the topics exactly once — nothing that got a
 * 202 lost, nothing stored twice. The broker is stopped (SIGTERM to its process) and started again
 * on the same port and data directory.
 */
class BrokerOutageIT {
  private static final String TOKEN = "pt_outage_operator";
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration STREAM = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void everyAcceptedEventIsOnTheTopicsExactlyOnceAfterA30SecondBrokerOutage() throws Exception {
    LocalDate date = VerifyOptions.defaultDate();
    SimDay day = SimDay.of(City.of(CityConfig.defaults().withSize(12, 1200)), date, Faults.all());
    SteppedClock clock = new SteppedClock(day.referenceAt());
    KafkaBroker[] broker = {KafkaBroker.start(dir.resolve("kafka"))};
    int port = broker[0].port();
    broker[0].createPantauTopics(2);
    Principal operator = new Principal("operator", Role.OPERATOR, Set.of(), Set.of());
    try (Ingest ingest =
        Ingest.start(
            IngestConfig.builder()
                .kafkaBootstrap(broker[0].bootstrapServers())
                .host("127.0.0.1")
                .port(0)
                .build(),
            TokenStore.of(Map.of(TokenStore.sha256(TOKEN), operator)),
            clock)) {
      double compression = day.sends().size() < 2 ? 1 : spanSeconds(day) / STREAM.toSeconds();
      DaySender sender =
          new DaySender(
              URI.create(ingest.url()),
              TOKEN,
              clock::set,
              compression,
              System.err::println,
              Duration.ofMinutes(3));
      CompletableFuture<DaySender.Result> sent =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return sender.send(day);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // A fifth into the stream: the broker goes down for 30 s, then comes back.
      long streamStart = System.nanoTime();
      while (!sent.isDone() && System.nanoTime() - streamStart < STREAM.toNanos() / 5) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
      assertThat(sent).as("the stream is still under way").isNotDone();
      long stopped = System.nanoTime();
      broker[0].stop();
      HttpResponse<String> during = postOne(ingest.url(), day, clock);
      long waited = OUTAGE.toNanos() - (System.nanoTime() - stopped);
      if (waited > 0)
        TimeUnit.NANOSECONDS.sleep(waited); // the outage itself, not a wait on a condition
      long retriesDuring = sender.retries();
      broker[0] = KafkaBroker.start(dir.resolve("kafka"), port);
      System.err.printf(
          "outage: broker down %.1f s (restart included), sender retries during it: %d%n",
          (System.nanoTime() - stopped) / 1e9, retriesDuring);

      DaySender.Result result = sent.get(5, TimeUnit.MINUTES);
      System.err.println("sent: " + result.line() + ", retries " + sender.retries());

      assertThat(during.statusCode()).as("ingest while Kafka is down").isEqualTo(503);
      assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(retriesDuring).as("the sim's client retried the 503s").isPositive();
      assertThat(result.problems()).isEmpty();
      assertThat(result.ok()).isTrue();

      Map<String, Integer> onTopics = eventIds(broker[0].bootstrapServers());
      Set<String> expected = day.accepted().keySet();
      assertThat(result.eventsSent()).isEqualTo(expected.size());
      assertThat(result.accepted())
          .as("ingest answers a duplicate as accepted (and stores it once)")
          .isEqualTo(result.eventsSent() + result.duplicatesSent());
      assertThat(onTopics.keySet()).as("every accepted event is stored").isEqualTo(expected);
      assertThat(onTopics.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
          .as("no event is stored twice")
          .isEmpty();
    } finally {
      broker[0].close();
    }
  }

  private static double spanSeconds(SimDay day) {
    List<SimDay.Send> sends = day.sends();
    return Duration.between(sends.get(0).at(), sends.get(sends.size() - 1).at()).toSeconds();
  }

  /**
   * A new event (an attendance of the day's with an ID of its own, at the simulated now) posted
   * straight to ingest while the broker is down: valid, so it reaches Kafka's producer.
   */
  private static HttpResponse<String> postOne(String url, SimDay day, SteppedClock clock)
      throws Exception {
    String line =
        day.sends().stream()
            .filter(s -> s.kind() == SimDay.Kind.EVENT && s.line().contains("\"attendance\""))
            .findFirst()
            .orElseThrow()
            .line();
    ObjectNode event = (ObjectNode) Json.MAPPER.readTree(line);
    ZoneId zone = day.zone(event.get("unitId").asText());
    event.put("eventId", UUID.randomUUID().toString());
    event.put(
        "time",
        OffsetDateTime.ofInstant(clock.instant(), zone)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url + "/v1/events"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(event)))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** How often each event ID is on the attendance and location topics, read to their end. */
  private static Map<String, Integer> eventIds(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          List.of(Topics.ATTENDANCE, Topics.LOCATION).stream()
              .flatMap(
                  t ->
                      consumer.partitionsFor(t, Duration.ofSeconds(30)).stream()
                          .map(i -> new TopicPartition(t, i.partition())))
              .collect(Collectors.toList());
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("read the topics within 60 s").isLessThan(deadline);
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          JsonNode event = Json.MAPPER.readTree(r.value());
          counts.merge(event.get("eventId").asText(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}

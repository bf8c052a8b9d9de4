package id.pantau.api;

import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.FreePort;
import id.pantau.infra.KafkaBroker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/v1/alerts/stream against a real Kafka broker: alerts produced to pantau.alerts.v1 reach
 * the connected clients that may see their unit, live.
 */
class AlertStreamTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);
  static final String TANGERANG = "kota-tangerang";

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  /** A further dashboard reading Kafka at the given address; no influxd: the stream needs none. */
  static Dashboard dashboard(String kafkaBootstrap) {
    return LiveDashboard.start(LiveDashboard.noInfluxd(), kafkaBootstrap);
  }

  static Alert overCap(String unit) {
    return HookFixtures.alert("OVER_CAP", unit, TANGERANG);
  }

  static void produce(Alert a) throws Exception {
    app.produce(Topics.ALERTS, a.unitId, Json.bytes(a));
  }

  static List<String> alertIds(List<EventStream.Event> events) throws Exception {
    List<String> ids = new ArrayList<>();
    for (EventStream.Event e : events)
      ids.add(Json.MAPPER.readTree(e.data()).get("alertId").asText());
    return ids;
  }

  @Test
  void aUnitHeadGetsExactlyTheAlertsOfItsOwnUnitAsTheyHappen() throws Exception {
    String url = app.url() + "/api/v1/alerts/stream";
    try (EventStream head = EventStream.open(url, DAMKAR_HEAD);
        EventStream ops = EventStream.open(url, OPERATOR)) {
      assertThat(head.response().statusCode()).isEqualTo(200);
      assertThat(head.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
      assertThat(head.awaitComment(AlertFeed.LIVE, DEADLINE)).as("head stream live").isTrue();
      assertThat(ops.awaitComment(AlertFeed.LIVE, DEADLINE)).as("ops stream live").isTrue();

      Alert hidden = overCap("tng-disdukcapil");
      Alert visible = overCap("tng-damkar");
      produce(hidden);
      produce(visible);

      // The operator sees every unit: once both reached it, the feed has dispatched both.
      List<EventStream.Event> opsEvents = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        EventStream.Event e = ops.nextEvent(DEADLINE);
        assertThat(e).as("operator event %d", i).isNotNull();
        opsEvents.add(e);
      }
      assertThat(alertIds(opsEvents)).containsExactlyInAnyOrder(hidden.alertId, visible.alertId);

      EventStream.Event e = head.nextEvent(DEADLINE);
      assertThat(e).as("the unit head's alert").isNotNull();
      assertThat(e.name()).isEqualTo("OVER_CAP");
      assertThat(e.id()).isEqualTo(visible.alertId + ":OPEN");
      JsonNode data = Json.MAPPER.readTree(e.data());
      assertThat(data.get("unitId").asText()).isEqualTo("tng-damkar");
      assertThat(data.get("region").asText()).isEqualTo(TANGERANG);
      assertThat(data.get("phase").asText()).isEqualTo("OPEN");
      assertThat(data.get("limit").asInt()).isEqualTo(20);
      assertThat(data.get("present").asInt()).isEqualTo(25);
      assertThat(data.get("startedAt").asText()).isEqualTo("2026-11-23T01:30:00Z");
      assertThat(head.takeEvents()).as("nothing else for the unit head").isEmpty();
    }
  }

  @Test
  void aClientResumingWithLastEventIdGetsTheVisibleAlertsItMissedThenLiveOnes() throws Exception {
    String url = app.url() + "/api/v1/alerts/stream";
    Alert seen = overCap("tng-damkar");
    Alert missed = overCap("tng-damkar");
    Alert hiddenMissed = overCap("tng-disdukcapil");
    Alert live = overCap("tng-damkar");
    try (EventStream ops = EventStream.open(url, OPERATOR)) {
      assertThat(ops.awaitComment(AlertFeed.LIVE, DEADLINE)).as("ops stream live").isTrue();
      try (EventStream head = EventStream.open(url, DAMKAR_HEAD)) {
        assertThat(head.awaitComment(AlertFeed.LIVE, DEADLINE)).isTrue();
        produce(seen);
        EventStream.Event first = head.nextEvent(DEADLINE);
        assertThat(first).as("the alert seen before the drop").isNotNull();
        assertThat(first.id()).isEqualTo(seen.alertId + ":OPEN");
      }
      // While the unit head is away; the operator's stream shows when the feed has read both.
      produce(missed);
      produce(hiddenMissed);
      for (int i = 0; i < 3; i++) assertThat(ops.nextEvent(DEADLINE)).as("ops %d", i).isNotNull();

      try (EventStream back = EventStream.open(url, DAMKAR_HEAD, seen.alertId + ":OPEN")) {
        assertMissedThenLive(back, missed, live, AlertStreamTest::produce);
      }
      try (EventStream unknown = EventStream.open(url, DAMKAR_HEAD, "no-such-alert:OPEN")) {
        assertThat(unknown.awaitComment(AlertFeed.LIVE, DEADLINE)).isTrue();
        assertThat(unknown.takeEvents()).as("an unknown id replays nothing").isEmpty();
      }
    }
  }

  /** How a test writes an alert to the topic. */
  interface Producer {
    void produce(Alert a) throws Exception;
  }

  /**
   * On a stream resumed with Last-Event-ID: {@code missed} replayed, then {@code live} once
   * produced, and nothing else (no other unit's alert, none twice).
   */
  static void assertMissedThenLive(EventStream back, Alert missed, Alert live, Producer producer)
      throws Exception {
    EventStream.Event replayed = back.nextEvent(DEADLINE);
    assertThat(replayed).as("the missed alert, replayed").isNotNull();
    assertThat(replayed.id()).isEqualTo(missed.alertId + ":OPEN");
    producer.produce(live);
    EventStream.Event next = back.nextEvent(DEADLINE);
    assertThat(next).as("then the live one").isNotNull();
    assertThat(next.id()).isEqualTo(live.alertId + ":OPEN");
    assertThat(back.takeEvents()).as("nothing else: not the other unit's, nor one twice").isEmpty();
  }

  @Test
  void theStreamRefusesMissingTokensDevicesAndClientsThatDoNotAcceptEvents() {
    String url = app.url() + "/api/v1/alerts/stream";

    HttpResponse<String> none = Http.get(url, null);
    assertThat(Http.errors(none, 401).get(0))
        .isEqualTo("Authorization: a Bearer token is required");

    HttpResponse<String> device = Http.get(url, DEVICE);
    assertThat(Http.errors(device, 403).get(0)).startsWith("role:");

    HttpResponse<String> plain = Http.get(url, OPERATOR); // Accept not text/event-stream
    assertThat(Http.errors(plain, 406).get(0)).isEqualTo("Accept: must include text/event-stream");
  }

  @Test
  void withKafkaDownTheStreamStillAnswersAndWaits() throws Exception {
    try (Dashboard d = dashboard(LiveDashboard.noKafka());
        EventStream s = EventStream.open(d.url() + "/api/v1/alerts/stream", OPERATOR)) {
      assertThat(s.response().statusCode()).isEqualTo(200);
      assertThat(s.awaitComment(AlertFeed.CONNECTED, DEADLINE)).isTrue();
      assertThat(s.awaitEnd(Duration.ofMillis(200))).as("the stream stays open").isFalse();
    }
  }

  @Test
  void aClientWaitingWhileKafkaIsDownGetsAlertsOnceItComesUp() throws Exception {
    int port = FreePort.find();
    try (Dashboard d = dashboard("127.0.0.1:" + port);
        EventStream s = EventStream.open(d.url() + "/api/v1/alerts/stream", DAMKAR_HEAD)) {
      assertThat(s.awaitComment(AlertFeed.CONNECTED, DEADLINE)).isTrue();

      try (KafkaBroker late = KafkaBroker.start(app.dir().resolve("kafka-late"), port);
          KafkaProducer<String, byte[]> p = LiveDashboard.producer(late.bootstrapServers())) {
        late.createPantauTopics(2);
        assertThat(s.awaitComment(AlertFeed.LIVE, DEADLINE)).as("live once Kafka is up").isTrue();

        Alert a = overCap("tng-damkar");
        p.send(new ProducerRecord<>(Topics.ALERTS, a.unitId, Json.bytes(a)))
            .get(30, TimeUnit.SECONDS);

        EventStream.Event e = s.nextEvent(DEADLINE);
        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(a.alertId + ":OPEN");
      }
    }
  }

  @Test
  void closingTheDashboardEndsItsStreams() throws Exception {
    Dashboard d = dashboard(app.kafka().bootstrapServers());
    try (EventStream s = EventStream.open(d.url() + "/api/v1/alerts/stream", DAMKAR_HEAD)) {
      assertThat(s.awaitComment(AlertFeed.CONNECTED, DEADLINE)).isTrue();

      d.close();

      assertThat(s.awaitEnd(DEADLINE)).isTrue();
    } finally {
      d.close();
    }
  }
}

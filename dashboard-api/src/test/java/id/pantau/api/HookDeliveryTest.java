package id.pantau.api;

import static id.pantau.api.HookFixtures.SECRET;
import static id.pantau.api.HookFixtures.SERANG;
import static id.pantau.api.HookFixtures.TANGERANG;
import static id.pantau.api.HookFixtures.alert;
import static id.pantau.api.HookFixtures.hook;
import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alert webhooks on a real Kafka broker with real HTTP receivers: what is delivered, signed,
 * retried, and that a dead receiver holds up no other hook.
 */
class HookDeliveryTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  /** PUTs the hook once the dashboard has loaded its hooks (503 until then). */
  static HttpResponse<String> putHook(String baseUrl, String name, String token, String body)
      throws InterruptedException {
    AtomicReference<HttpResponse<String>> r = new AtomicReference<>();
    Poll.until(
        DEADLINE,
        () -> {
          r.set(HookFixtures.put(baseUrl, name, token, body));
          return r.get().statusCode() != 503; // 503 while the hooks load from Kafka
        });
    assertThat(r.get().statusCode()).as("PUT %s: %s", name, r.get().body()).isIn(200, 201);
    return r.get();
  }

  /** Alerts with one key: one partition, so they are read in the order written. */
  static void produce(Alert... alerts) throws Exception {
    for (Alert a : alerts) app.produce(Topics.ALERTS, "hook-test", Json.bytes(a));
  }

  static List<String> alertIds(List<Receiver.Request> requests) {
    return requests.stream().map(r -> Http.json(r.body()).get("alertId").asText()).toList();
  }

  /** The hook's deliveries once there are at least {@code n} (as many as there are: timed out). */
  static JsonNode awaitDeliveries(String name, int n) throws InterruptedException {
    String url = app.url() + "/api/v1/hooks/" + name + "/deliveries";
    AtomicReference<JsonNode> log = new AtomicReference<>();
    Poll.until(
        DEADLINE,
        () -> {
          log.set(Http.json(Http.get(url, BKD_TANGERANG)));
          return log.get().size() >= n;
        });
    return log.get();
  }

  @Test
  void anAlertInScopeArrivesOnceSignedWithTheAlertIdAsIdempotencyKey() throws Exception {
    try (Receiver receiver = Receiver.answering(SECRET)) {
      putHook(app.url(), "signed-once", BKD_TANGERANG, hook(receiver.url()));
      Alert a = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert next = alert("UNDER_FLOOR", "tng-damkar", TANGERANG);
      produce(a, next);

      List<Receiver.Request> got = receiver.awaitBodyWith(next.alertId, DEADLINE);
      assertThat(alertIds(got)).containsExactly(a.alertId, next.alertId);
      Receiver.Request first = got.get(0);
      assertThat(first.signatureValid()).as("signature verifies with the secret").isTrue();
      assertThat(first.idempotencyKey()).isEqualTo(a.alertId + ":OPEN");
      JsonNode body = Http.json(first.body());
      assertThat(body.get("kind").asText()).isEqualTo("OVER_CAP");
      assertThat(body.get("unitId").asText()).isEqualTo("tng-damkar");
      assertThat(body.get("present").asInt()).isEqualTo(25);
    }
  }

  @Test
  void alertsOfAnotherRegionUnitOrKindAreNotDelivered() throws Exception {
    try (Receiver narrow = Receiver.answering(SECRET);
        Receiver serang = Receiver.answering(SECRET)) {
      String body =
          hook(
              narrow.url(), SECRET, List.of(TANGERANG), List.of("tng-damkar"), List.of("OVER_CAP"));
      putHook(app.url(), "narrow", BKD_TANGERANG, body);
      // No lists: everything its token sees, which is Serang only.
      putHook(app.url(), "serang-all", BKD_SERANG, hook(serang.url()));

      Alert otherKind = alert("UNDER_FLOOR", "tng-damkar", TANGERANG);
      Alert otherUnit = alert("OVER_CAP", "tng-disdukcapil", TANGERANG);
      Alert otherRegion = alert("OVER_CAP", "srg-damkar", SERANG);
      Alert inScope = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert serangLast = alert("MISSED_ATTENDANCE", "srg-dinkes", SERANG);
      produce(otherKind, otherUnit, otherRegion, inScope, serangLast);

      assertThat(alertIds(narrow.awaitBodyWith(inScope.alertId, DEADLINE)))
          .containsExactly(inScope.alertId);
      assertThat(alertIds(serang.awaitBodyWith(serangLast.alertId, DEADLINE)))
          .containsExactly(otherRegion.alertId, serangLast.alertId);
      // Read in order: the one in scope came after all the others, so they were passed over.
      assertThat(alertIds(narrow.requests())).containsExactly(inScope.alertId);
    }
  }

  @Test
  void aReceiverAnswering500GetsTheAlertOnARetryAndTheDeliveriesListEveryAttempt()
      throws Exception {
    try (Receiver receiver = Receiver.answering(SECRET, 500)) {
      putHook(app.url(), "flaky", BKD_TANGERANG, hook(receiver.url()));
      Alert a = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert next = alert("OVER_CAP", "tng-bapenda", TANGERANG);
      produce(a, next);

      List<Receiver.Request> got = receiver.awaitBodyWith(next.alertId, DEADLINE);
      assertThat(got).extracting(Receiver.Request::answered).containsExactly(500, 200, 200);
      assertThat(alertIds(got)).containsExactly(a.alertId, a.alertId, next.alertId);
      assertThat(got).allMatch(Receiver.Request::signatureValid);

      JsonNode attempts = awaitDeliveries("flaky", 3); // newest first
      assertThat(attempts).hasSize(3);
      JsonNode failed = attempts.get(2);
      assertThat(failed.get("alertId").asText()).isEqualTo(a.alertId);
      assertThat(failed.get("attempt").asInt()).isEqualTo(1);
      assertThat(failed.get("status").asInt()).isEqualTo(500);
      assertThat(failed.get("outcome").asText()).isEqualTo("RETRYING");
      assertThat(failed.get("nextRetryAt").asText()).isNotBlank();
      JsonNode retried = attempts.get(1);
      assertThat(retried.get("attempt").asInt()).isEqualTo(2);
      assertThat(retried.get("status").asInt()).isEqualTo(200);
      assertThat(retried.get("outcome").asText()).isEqualTo("DELIVERED");
      assertThat(attempts.get(0).get("alertId").asText()).isEqualTo(next.alertId);
    }
  }

  @Test
  void aHangingOrRefusingReceiverDoesNotDelayAnotherHook() throws Exception {
    try (Receiver hanging = Receiver.hanging();
        Receiver live = Receiver.answering(SECRET)) {
      putHook(app.url(), "dead-hanging", BKD_TANGERANG, hook(hanging.url()));
      String refused = "http://127.0.0.1:" + FreePort.find() + "/hook";
      putHook(app.url(), "dead-refused", BKD_TANGERANG, hook(refused));
      putHook(app.url(), "alive", BKD_TANGERANG, hook(live.url()));

      Alert a = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert b = alert("OVER_CAP", "tng-dinkes", TANGERANG);
      long start = System.nanoTime();
      produce(a, b);
      // Well within the hanging hook's 10 s request timeout: nothing waited on it.
      assertThat(alertIds(live.awaitBodyWith(b.alertId, Duration.ofSeconds(8))))
          .containsExactly(a.alertId, b.alertId);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));

      JsonNode refusedLog = awaitDeliveries("dead-refused", 1);
      assertThat(refusedLog).isNotEmpty();
      assertThat(refusedLog.get(0).get("status").isNull()).isTrue();
      assertThat(refusedLog.get(0).get("error").asText()).isNotBlank();
      assertThat(refusedLog.get(0).get("outcome").asText()).isEqualTo("RETRYING");
    }
  }
}

package id.pantau.api;

import static id.pantau.api.HookDeliveryTest.DEADLINE;
import static id.pantau.api.HookDeliveryTest.alertIds;
import static id.pantau.api.HookDeliveryTest.putHook;
import static id.pantau.api.HookFixtures.SECRET;
import static id.pantau.api.HookFixtures.TANGERANG;
import static id.pantau.api.HookFixtures.alert;
import static id.pantau.api.HookFixtures.hook;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.api.hooks.Attempt;
import id.pantau.api.hooks.Backoff;
import id.pantau.api.hooks.Hooks;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hook over time on its own Kafka: across a restart of dashboard-api it is still there, what it
 * delivered is not delivered again, what was written while the API was down is delivered; and an
 * alert nobody takes is given up, recorded as failed, and the hook moves on.
 */
class HookRestartTest {
  // Only the dashboards this test starts: a second one delivering too would deliver twice.
  @RegisterExtension static final LiveDashboard kafka = LiveDashboard.overKafka();

  static void produce(Alert a) throws Exception {
    kafka.produce(Topics.ALERTS, "restart", Json.bytes(a));
  }

  @Test
  void anAlertRefusedUntilTheRetriesRunOutIsRecordedAsFailedAndTheHookMovesOn() throws Exception {
    Principal admin = new Principal("bkd-banten", Role.BKD_ADMIN, Set.of(), Set.of());
    String refused = "http://127.0.0.1:" + FreePort.find() + "/hook";
    Backoff quick =
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(1));
    try (Hooks hooks = Hooks.start(kafka.kafka().bootstrapServers(), quick)) {
      assertThat(Poll.until(DEADLINE, hooks::loaded)).as("hooks loaded from Kafka").isTrue();
      hooks.put(admin, "gives-up", hook(refused).getBytes(StandardCharsets.UTF_8));
      Alert refusedAlert = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert next = alert("UNDER_FLOOR", "tng-damkar", TANGERANG);
      produce(refusedAlert);
      produce(next);

      Poll.until(
          DEADLINE,
          () ->
              hooks.deliveries(admin, "gives-up").stream()
                  .anyMatch(a -> a.alertId().equals(next.alertId)));
      List<Attempt> log = hooks.deliveries(admin, "gives-up");
      List<Attempt> first =
          log.stream().filter(a -> a.alertId().equals(refusedAlert.alertId)).toList();
      assertThat(first).as("attempts of the refused alert").hasSizeGreaterThan(2);
      assertThat(first.get(0).outcome()).isEqualTo(Attempt.Outcome.FAILED); // newest first
      assertThat(first.get(0).error()).isNotBlank();
      assertThat(first.get(0).nextRetryAt()).isNull();
      assertThat(first.subList(1, first.size()))
          .allMatch(a -> a.outcome() == Attempt.Outcome.RETRYING && a.nextRetryAt() != null);
      assertThat(log).anyMatch(a -> a.alertId().equals(next.alertId));
      hooks.delete(admin, "gives-up");
    }
  }

  @Test
  void afterARestartTheHookRemainsAndDeliversWhatWasMissedButNothingTwice() throws Exception {
    String bootstrap = kafka.kafka().bootstrapServers();
    try (Receiver receiver = Receiver.answering(SECRET)) {
      Alert before = alert("OVER_CAP", "tng-damkar", TANGERANG);
      Alert whileDown = alert("UNDER_FLOOR", "tng-damkar", TANGERANG);
      Alert after = alert("OVER_CAP", "tng-dinkes", TANGERANG);

      try (Dashboard first = LiveDashboard.start(LiveDashboard.noInfluxd(), bootstrap)) {
        putHook(first.url(), "survives", BKD_TANGERANG, hook(receiver.url()));
        produce(before);
        assertThat(alertIds(receiver.awaitBodyWith(before.alertId, DEADLINE)))
            .containsExactly(before.alertId);
      }
      produce(whileDown);

      try (Dashboard second = LiveDashboard.start(LiveDashboard.noInfluxd(), bootstrap)) {
        produce(after);
        // In order on one partition: had `before` been sent again, it would have come first.
        assertThat(alertIds(receiver.awaitBodyWith(after.alertId, DEADLINE)))
            .containsExactly(before.alertId, whileDown.alertId, after.alertId);
        HttpResponse<String> still =
            Http.get(second.url() + "/api/v1/hooks/survives", BKD_TANGERANG);
        assertThat(Http.json(still, 200).get("url").asText()).isEqualTo(receiver.url());
        assertThat(still.body()).doesNotContain(SECRET);
        // Gone with the test: the class's other test starts hooks of its own on this Kafka.
        assertThat(HookFixtures.delete(second.url(), "survives", BKD_TANGERANG).statusCode())
            .isEqualTo(204);
      }
      assertThat(receiver.requests()).allMatch(Receiver.Request::signatureValid);
    }
  }
}

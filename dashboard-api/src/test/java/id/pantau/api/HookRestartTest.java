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

import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hook across a restart of dashboard-api on the same Kafka: it is still there, what it delivered
 * is not delivered again, what was written while the API was down is delivered.
 */
class HookRestartTest {
  // Only the dashboards this test starts: a second one delivering too would deliver twice.
  @RegisterExtension static final LiveDashboard kafka = LiveDashboard.overKafka();

  static void produce(Alert a) throws Exception {
    kafka.produce(Topics.ALERTS, "restart", Json.bytes(a));
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
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(Http.json(still).get("url").asText()).isEqualTo(receiver.url());
        assertThat(still.body()).doesNotContain(SECRET);
      }
      assertThat(receiver.requests()).allMatch(Receiver.Request::signatureValid);
    }
  }
}

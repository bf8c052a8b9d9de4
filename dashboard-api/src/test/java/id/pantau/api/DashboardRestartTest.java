package id.pantau.api;

import static id.pantau.api.FollowUpsApiTest.result;
import static id.pantau.api.HookDeliveryTest.DEADLINE;
import static id.pantau.api.HookDeliveryTest.putHook;
import static id.pantau.api.HookFixtures.SECRET;
import static id.pantau.api.HookFixtures.TANGERANG;
import static id.pantau.api.HookFixtures.alert;
import static id.pantau.api.HookFixtures.hook;
import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dashboard-api restarted on the same Kafka carries on where it was: its alert stream closes when
 * it stops, a client resuming with Last-Event-ID gets exactly the alerts of its unit it missed
 * while the API was down, the follow-ups hold the results written before and during the downtime,
 * and a hook delivers every alert once across the restart.
 */
class DashboardRestartTest {
  // Only the dashboards this test starts: a second one delivering too would deliver twice.
  @RegisterExtension static final LiveDashboard kafka = LiveDashboard.overKafka();

  static final String NIP_BEFORE = "199101012020011001";
  static final String NIP_WHILE_DOWN = "199201012020011002";

  @Test
  void afterARestartStreamsFollowUpsAndHooksResumeWhereTheyWere() throws Exception {
    String bootstrap = kafka.kafka().bootstrapServers();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    Alert seen = alert("OVER_CAP", "tng-damkar", TANGERANG);
    Alert missed = alert("UNDER_FLOOR", "tng-damkar", TANGERANG);
    Alert otherUnit = alert("OVER_CAP", "tng-dinkes", TANGERANG);
    Alert live = alert("OVER_CAP", "tng-damkar", TANGERANG);

    try (Receiver receiver = Receiver.answering(SECRET)) {
      String lastEventId;
      try (Dashboard first = LiveDashboard.start(LiveDashboard.noInfluxd(), bootstrap)) {
        putHook(first.url(), "across-restart", BKD_TANGERANG, hook(receiver.url()));
        checkin(result("tng-damkar", NIP_BEFORE, today, "ATTENDANCE", "MISSED", "PENDING", null));
        EventStream head = EventStream.open(first.url() + "/api/v1/alerts/stream", DAMKAR_HEAD);
        assertThat(head.awaitComment(AlertFeed.LIVE, DEADLINE)).as("stream live").isTrue();
        produce(seen);
        EventStream.Event before = head.nextEvent(DEADLINE);
        assertThat(before).as("the alert seen before the restart").isNotNull();
        lastEventId = before.id();
        receiver.awaitBodyWith(seen.alertId, DEADLINE);
        followUps(first.url(), today, b -> FollowUpsApiTest.employee(b, NIP_BEFORE) != null);

        first.close();
        assertThat(head.awaitEnd(DEADLINE)).as("the stream ends when the API stops").isTrue();
        head.close();
      }

      // While dashboard-api is down.
      produce(missed);
      produce(otherUnit);
      checkin(result("tng-damkar", NIP_WHILE_DOWN, today, "ATTENDANCE", "LATE", null, 8));

      try (Dashboard second = LiveDashboard.start(LiveDashboard.noInfluxd(), bootstrap);
          EventStream back =
              EventStream.open(second.url() + "/api/v1/alerts/stream", DAMKAR_HEAD, lastEventId)) {
        AlertStreamTest.assertMissedThenLive(back, missed, live, DashboardRestartTest::produce);

        JsonNode body =
            followUps(
                second.url(),
                today,
                b ->
                    FollowUpsApiTest.employee(b, NIP_BEFORE) != null
                        && FollowUpsApiTest.employee(b, NIP_WHILE_DOWN) != null);
        assertThat(FollowUpsApiTest.nips(body))
            .as("the results of before and of the downtime, the one needing a follow-up first")
            .containsExactly(NIP_BEFORE, NIP_WHILE_DOWN);

        receiver.awaitBodyWith(otherUnit.alertId, DEADLINE);
        receiver.awaitBodyWith(live.alertId, DEADLINE);
        List<Receiver.Request> delivered = receiver.requests();
        assertThat(HookDeliveryTest.alertIds(delivered))
            .as("each alert delivered once, across the restart")
            .containsExactlyInAnyOrder(
                seen.alertId, missed.alertId, otherUnit.alertId, live.alertId);
        assertThat(delivered).allMatch(Receiver.Request::signatureValid);
        assertThat(HookFixtures.delete(second.url(), "across-restart", BKD_TANGERANG).statusCode())
            .isEqualTo(204);
      }
    }
  }

  static void produce(Alert a) throws Exception {
    kafka.produce(Topics.ALERTS, a.unitId, Json.bytes(a));
  }

  static void checkin(Map<String, Object> r) throws Exception {
    String key = r.get("nip") + "@" + r.get("date") + "@" + r.get("window");
    kafka.produce(Topics.CHECKINS, key, Json.bytes(r));
  }

  /** The unit's follow-ups of today once they satisfy the condition, or fails at the deadline. */
  static JsonNode followUps(
      String url, LocalDate today, java.util.function.Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    boolean met =
        Poll.until(
            DEADLINE,
            () -> {
              HttpResponse<String> r =
                  Http.get(url + "/api/v1/units/tng-damkar/followups?date=" + today, BKD_PROVINCE);
              if (r.statusCode() != 200) return false;
              last.set(Http.json(r));
              return condition.test(last.get());
            });
    assertThat(met).as("follow-ups as expected in time: %s", last.get()).isTrue();
    return last.get();
  }
}

package id.pantau.api;

import static id.pantau.api.HookDeliveryTest.putHook;
import static id.pantau.api.HookFixtures.SECRET;
import static id.pantau.api.HookFixtures.SERANG;
import static id.pantau.api.HookFixtures.TANGERANG;
import static id.pantau.api.HookFixtures.delete;
import static id.pantau.api.HookFixtures.hook;
import static id.pantau.api.HookFixtures.put;
import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.LEADER;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuring alert webhooks on a real Kafka broker: who may, what is refused, what is shown. */
class HooksApiTest {
  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  static final String RECEIVER = "https://bkd.example.go.id/pantau-hook";

  @Test
  void everyBadFieldIsA400NamingItAndSayingWhatToSend() throws Exception {
    putHook(app.url(), "loaded", BKD_TANGERANG, hook(RECEIVER)); // waits for the hooks to load

    String body = hook("ftp://bkd.example/x", "short", List.of(), List.of(), List.of("NO_SUCH"));
    HttpResponse<String> bad = put(app.url(), "Bad_Name", BKD_TANGERANG, body);
    assertThat(Http.errors(bad, 400))
        .anyMatch(e -> e.startsWith("name: must be 1 to 64 characters of a-z, 0-9 and -"))
        .anyMatch(e -> e.startsWith("url: must be an absolute http or https URL"))
        .anyMatch(e -> e.startsWith("secret: must be 16 to 256 characters"))
        .anyMatch(e -> e.startsWith("kinds: 'NO_SUCH' is no alert kind; use OVER_CAP"))
        .hasSize(4);

    assertThat(Http.errors(put(app.url(), "x", BKD_TANGERANG, "not json")))
        .singleElement()
        .satisfies(e -> assertThat(e).startsWith("body: must be a JSON object"));
    assertThat(Http.errors(put(app.url(), "x", BKD_TANGERANG, "{\"url\": \"relative/path\"}")))
        .contains("secret: required, 16 to 256 characters")
        .anyMatch(e -> e.startsWith("url: must be an absolute"));
    HttpResponse<String> types =
        put(
            app.url(),
            "x",
            BKD_TANGERANG,
            "{\"url\": \""
                + RECEIVER
                + "\", \"secret\": \""
                + SECRET
                + "\", \"regions\": \"kota-tangerang\", \"units\": [7], \"colour\": 1}");
    assertThat(Http.errors(types, 400))
        .anyMatch(e -> e.startsWith("regions: must be a list"))
        .anyMatch(e -> e.startsWith("units: each must be a string"))
        .anyMatch(e -> e.startsWith("colour: unknown field"));
    HttpResponse<String> longName = put(app.url(), "a".repeat(65), BKD_TANGERANG, hook(RECEIVER));
    assertThat(longName.statusCode()).isEqualTo(400);
  }

  @Test
  void onlyBkdAdminsConfigureHooksAndNeverBeyondTheirOwnScope() throws Exception {
    for (String token : List.of(OPERATOR, DAMKAR_HEAD, LEADER, DEVICE)) {
      assertThat(put(app.url(), "not-mine", token, hook(RECEIVER)).statusCode())
          .as("PUT by a non-admin")
          .isEqualTo(403);
      HttpResponse<String> list = Http.get(app.url() + "/api/v1/hooks", token);
      assertThat(list.statusCode()).as("GET by a non-admin").isEqualTo(403);
      assertThat(Http.errors(list).get(0)).startsWith("role:");
    }
    assertThat(put(app.url(), "not-mine", null, hook(RECEIVER)).statusCode()).isEqualTo(401);

    HttpResponse<String> wider =
        put(
            app.url(),
            "wider",
            BKD_SERANG,
            hook(RECEIVER, SECRET, List.of(SERANG, TANGERANG), null, null));
    assertThat(Http.errors(wider, 403))
        .containsExactly("regions: 'kota-tangerang' is not among the regions this token may see");

    putHook(app.url(), "serang-only", BKD_SERANG, hook(RECEIVER));
    // Another region's admin learns nothing of it and cannot take it over.
    assertThat(Http.get(app.url() + "/api/v1/hooks/serang-only", BKD_TANGERANG).statusCode())
        .isEqualTo(404);
    assertThat(put(app.url(), "serang-only", BKD_TANGERANG, hook(RECEIVER)).statusCode())
        .isEqualTo(403);
    assertThat(delete(app.url(), "serang-only", BKD_TANGERANG).statusCode()).isEqualTo(404);
    assertThat(Http.json(Http.get(app.url() + "/api/v1/hooks", BKD_TANGERANG)))
        .noneMatch(h -> h.get("name").asText().equals("serang-only"));
  }

  @Test
  void hooksAreListedReplacedAndDeletedButTheSecretIsNeverShown() throws Exception {
    String body =
        hook(RECEIVER, SECRET, List.of(TANGERANG), List.of("tng-damkar"), List.of("OVER_CAP"));
    HttpResponse<String> created = putHook(app.url(), "tng-damkar-caps", BKD_TANGERANG, body);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(SECRET).doesNotContain("secret");

    HttpResponse<String> one = Http.get(app.url() + "/api/v1/hooks/tng-damkar-caps", BKD_TANGERANG);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).doesNotContain(SECRET).doesNotContain("secret");
    JsonNode h = Http.json(one);
    assertThat(h.get("url").asText()).isEqualTo(RECEIVER);
    assertThat(h.get("regions")).extracting(JsonNode::asText).containsExactly(TANGERANG);
    assertThat(h.get("units")).extracting(JsonNode::asText).containsExactly("tng-damkar");
    assertThat(h.get("kinds")).extracting(JsonNode::asText).containsExactly("OVER_CAP");
    assertThat(h.get("owner").asText()).isEqualTo("bkd-tangerang");

    HttpResponse<String> list = Http.get(app.url() + "/api/v1/hooks", BKD_TANGERANG);
    assertThat(list.body()).doesNotContain(SECRET).doesNotContain("secret");
    assertThat(Http.json(list)).anyMatch(x -> x.get("name").asText().equals("tng-damkar-caps"));

    HttpResponse<String> replaced =
        put(app.url(), "tng-damkar-caps", BKD_TANGERANG, hook(RECEIVER + "/v2"));
    assertThat(Http.json(replaced, 200).get("url").asText()).isEqualTo(RECEIVER + "/v2");
    assertThat(Http.json(replaced).get("kinds")).isEmpty();

    assertThat(delete(app.url(), "tng-damkar-caps", BKD_TANGERANG).statusCode()).isEqualTo(204);
    assertThat(Http.get(app.url() + "/api/v1/hooks/tng-damkar-caps", BKD_TANGERANG).statusCode())
        .isEqualTo(404);
    assertThat(delete(app.url(), "tng-damkar-caps", BKD_TANGERANG).statusCode()).isEqualTo(404);
  }
}

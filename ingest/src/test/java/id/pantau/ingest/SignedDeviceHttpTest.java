package id.pantau.ingest;

import static id.pantau.ingest.TestData.BKD_BANTEN;
import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.OPERATOR;
import static id.pantau.ingest.TestData.attendance;
import static id.pantau.ingest.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.DeviceSignature;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import id.pantau.ingest.device.RateLimits;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Devices registered by a BKD_ADMIN post events signed with their secret (HMAC-SHA256 over
 * timestamp:body): what is signed right is taken, what is forged, stale, replayed, of another unit
 * or too much is refused; the secret is never stored. Real HTTP on a real broker.
 */
class SignedDeviceHttpTest {
  @RegisterExtension static final LiveIngest ingest = LiveIngest.withDefaults();

  static final HttpProbe http = ingest.http;
  static final long NOW_S = TestData.NOW.getEpochSecond();
  static final String JSON = "application/json";

  /** A registered device: its ID (the test events' deviceId) and the secret it was given. */
  record Registered(String deviceId, String secret) {}

  static Registered kiosk;

  @BeforeAll
  static void registerTheKiosk() {
    assertThat(http.putUnit("tng-disdukcapil", OPERATOR, "banten", "Asia/Jakarta").status())
        .isEqualTo(200);
    assertThat(http.putUnit("mks-disdukcapil", OPERATOR, "sulsel", "Asia/Makassar").status())
        .isEqualTo(200);
    kiosk = register("a1f3", "tng-disdukcapil");
  }

  static Registered register(String deviceId, String unitId) {
    return register(http, deviceId, unitId);
  }

  /** Registers the device at the ingest {@code to} talks to, as the BKD_ADMIN of Banten. */
  static Registered register(HttpProbe to, String deviceId, String unitId) {
    var answer =
        to.putJson("/v1/devices/" + deviceId, BKD_BANTEN, "{\"unitId\": \"" + unitId + "\"}");
    assertThat(answer.status()).as("%s", answer.json()).isEqualTo(200);
    assertThat(answer.json().get("unitId").asText()).isEqualTo(unitId);
    return new Registered(deviceId, answer.json().get("secret").asText());
  }

  static HttpProbe.Answer signed(
      Registered device, long timestamp, String body, String contentType) {
    return http.send(signedRequest(device, Long.toString(timestamp), body, contentType));
  }

  static HttpProbe.Answer signed(Registered device, String event) {
    return signed(device, NOW_S, event, "application/json");
  }

  static HttpRequest signedRequest(
      Registered device, String timestamp, String body, String contentType) {
    return signedRequest(ingest.url(), device, timestamp, body, contentType);
  }

  /** POST /v1/events to the ingest at {@code url}, signed by the device. */
  static HttpRequest signedRequest(
      String url, Registered device, String timestamp, String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create(url + "/v1/events"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header(DeviceSignature.DEVICE_HEADER, device.deviceId())
        .header(DeviceSignature.TIMESTAMP_HEADER, timestamp)
        .header(
            DeviceSignature.SIGNATURE_HEADER,
            DeviceSignature.sign(DeviceSignature.key(device.secret()), timestamp, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
  }

  /** The request sent to another ingest. */
  static HttpRequest to(Ingest other, HttpRequest request) {
    return HttpRequest.newBuilder(request, (n, v) -> true)
        .uri(URI.create(other.url() + request.uri().getPath()))
        .build();
  }

  @Test
  void acceptsAnEventSignedByARegisteredDeviceWithoutAToken() {
    var answer = signed(kiosk, attendance(id(), "nip-s1"));

    answer.assertTook(202, 1);
  }

  @Test
  void acceptsASignedBatchOfItsUnit() {
    String lines = attendance(id(), "nip-s2") + "\n" + attendance(id(), "nip-s3") + "\n";

    var answer = signed(kiosk, NOW_S - 200, lines, "application/x-ndjson");

    answer.assertTook(202, 2);
  }

  @Test
  void refusesABodyThatIsNotTheOneSigned() {
    String event = attendance(id(), "nip-s4");
    HttpRequest honest = signedRequest(kiosk, Long.toString(NOW_S), event, "application/json");
    HttpRequest forged =
        HttpRequest.newBuilder(honest, (n, v) -> true)
            .POST(HttpRequest.BodyPublishers.ofString(event.replace("nip-s4", "nip-evil")))
            .build();

    var answer = http.send(forged);

    assertThat(answer.refused(401)).startsWith("X-Pantau-Signature: does not match the body");
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    var answer =
        signed(new Registered("a1f3", DeviceSignature.newSecret()), attendance(id(), "nip-s5"));

    assertThat(answer.refused(401)).startsWith("X-Pantau-Signature: ");
  }

  @Test
  void refusesAStaleOrFutureTimestamp() {
    var stale = signed(kiosk, NOW_S - 301, attendance(id(), "nip-s6"), "application/json");
    var ahead = signed(kiosk, NOW_S + 301, attendance(id(), "nip-s6"), "application/json");
    var notATime = http.send(signedRequest(kiosk, "yesterday", "{}", "application/json"));

    assertThat(stale.refused(401)).startsWith("X-Pantau-Timestamp: ").contains("301 s old");
    assertThat(ahead.refused(401)).contains("301 s ahead");
    assertThat(notATime.refused(401)).startsWith("X-Pantau-Timestamp: must be");
  }

  @Test
  void refusesASignedRequestThatAlsoCarriesAToken() {
    HttpRequest signed =
        signedRequest(kiosk, Long.toString(NOW_S - 3), attendance(id(), "nip-st"), JSON);
    HttpRequest both =
        HttpRequest.newBuilder(signed, (n, v) -> true)
            .header("Authorization", "Bearer " + OPERATOR)
            .build();

    var answer = http.send(both);

    assertThat(answer.refused(401))
        .startsWith("Authorization: must be left out of a request signed");
  }

  @Test
  void refusesAReplayedRequest() {
    HttpRequest once =
        signedRequest(
            kiosk, Long.toString(NOW_S - 10), attendance(id(), "nip-s7"), "application/json");

    var first = http.send(once);
    var replayed = http.send(once);

    assertThat(first.status()).isEqualTo(202);
    assertThat(replayed.refused(401)).startsWith("X-Pantau-Signature: was used before");
  }

  @Test
  void refusesAnUnknownDeviceAndOneWithoutAllHeaders() {
    var unknown =
        signed(new Registered("ghost-7", DeviceSignature.newSecret()), attendance(id(), "n"));
    var partial =
        http.send(
            HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/events"))
                .header("Content-Type", "application/json")
                .header(DeviceSignature.DEVICE_HEADER, "a1f3")
                .POST(HttpRequest.BodyPublishers.ofString(attendance(id(), "n")))
                .build());

    assertThat(unknown.refused(401))
        .isEqualTo(
            "X-Pantau-Device: device 'ghost-7' is not registered; a BKD_ADMIN registers it with"
                + " PUT /v1/devices/ghost-7");
    assertThat(partial.status()).isEqualTo(401);
    assertThat(partial.json().get("errors").toString())
        .contains("X-Pantau-Timestamp: is required", "X-Pantau-Signature: is required");
  }

  @Test
  void refusesWithA403NamingTheFieldAnEventOfAnotherUnitOrDevice() {
    String otherUnit = attendance(id(), "nip-s8").replace("tng-disdukcapil", "tng-bappeda");
    String otherDevice = attendance(id(), "nip-s9").replace("\"a1f3\"", "\"b2c4\"");
    String batch = attendance(id(), "nip-ok") + "\n" + otherUnit;

    var published =
        ingest.topics.publishedBy(
            Topics.ATTENDANCE,
            () ->
                List.of(
                    signed(kiosk, NOW_S, batch, "application/x-ndjson"),
                    signed(kiosk, otherDevice)));
    var unit = published.answer().get(0);
    var device = published.answer().get(1);

    assertThat(unit.refused(403))
        .isEqualTo(
            "line 2: unitId: device 'a1f3' is registered to unit 'tng-disdukcapil', so it may"
                + " not post events of unit 'tng-bappeda'");
    assertThat(device.refused(403)).startsWith("line 1: deviceId: the request is signed by");
    assertThat(published.records()).as("nothing of a refused request").isEmpty();
  }

  @Test
  void storesTheSecretOnlyAsItsSha256() {
    String brought = "kiosk-secret-from-the-mdm-0123456789abcdef";
    Registered[] made = new Registered[1];
    var published =
        ingest.topics.publishedBy(
            Topics.DEVICES,
            () -> {
              made[0] = register("phone-9", "tng-disdukcapil");
              return http.putJson(
                  "/v1/devices/kiosk-9",
                  BKD_BANTEN,
                  "{\"unitId\": \"tng-disdukcapil\", \"secret\": \"" + brought + "\"}");
            });
    var own = published.answer();
    List<ConsumerRecord<String, String>> stored = published.records();

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().has("secret"))
        .as("a secret the operator brought is not echoed")
        .isFalse();
    assertThat(made[0].secret()).startsWith("pd_").hasSize(67);
    assertThat(stored)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("kiosk-9", "phone-9");
    for (String secret : List.of(brought, made[0].secret())) {
      String sha = HexFormat.of().formatHex(DeviceSignature.key(secret));
      assertThat(stored)
          .extracting(ConsumerRecord::value)
          .noneMatch(v -> v.contains(secret) || v.contains(secret.substring(3, 35)))
          .anyMatch(v -> v.contains("\"secretSha256\":\"" + sha + "\""));
    }
    assertThat(signed(new Registered("kiosk-9", brought), attendance(id(), "n")).firstError())
        .as("the kiosk signs with the secret it brought")
        .startsWith("line 1: deviceId:");
  }

  @Test
  void aRestartedIngestKnowsTheDevicesFromTheTopic() throws Exception {
    Registered phone = register("phone-r", "tng-disdukcapil");
    String event = attendance(id(), "nip-r").replace("\"a1f3\"", "\"phone-r\"");
    try (Ingest second = ingest.start(b -> b)) {
      HttpProbe other = new HttpProbe(second.url());
      HttpProbe.Answer[] last = new HttpProbe.Answer[1];
      int[] tries = {0};
      // Each try a new signature: the second ingest remembers the ones it saw.
      Poll.until(
          Duration.ofSeconds(30),
          () -> {
            String at = Long.toString(NOW_S - tries[0]++);
            last[0] = other.send(to(second, signedRequest(phone, at, event, JSON)));
            return last[0].status() != 401 || !last[0].firstError().startsWith("X-Pantau-Device");
          });
      assertThat(last[0].status()).as("%s", last[0].json()).isEqualTo(202);
    }
  }

  @Test
  void anUnregisteredDeviceIsRefused() {
    Registered lost = register("phone-lost", "tng-disdukcapil");
    String event = attendance(id(), "nip-l").replace("\"a1f3\"", "\"phone-lost\"");
    assertThat(signed(lost, NOW_S - 1, event, "application/json").status()).isEqualTo(202);

    var deleted = http.send("DELETE", "/v1/devices/phone-lost", null, BKD_BANTEN, null);
    var after = signed(lost, NOW_S - 2, event, "application/json");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(after.refused(401)).startsWith("X-Pantau-Device: device 'phone-lost' is not");
  }

  @Test
  void onlyABkdAdminOfTheUnitsRegionRegistersADevice() {
    var byOperator = http.putJson("/v1/devices/d-1", OPERATOR, "{\"unitId\": \"tng-disdukcapil\"}");
    var byDevice = http.putJson("/v1/devices/d-1", DEVICE, "{\"unitId\": \"tng-disdukcapil\"}");
    var otherRegion =
        http.putJson("/v1/devices/d-1", BKD_BANTEN, "{\"unitId\": \"mks-disdukcapil\"}");
    var noUnit = http.putJson("/v1/devices/d-1", BKD_BANTEN, "{}");
    var weakSecret =
        http.putJson(
            "/v1/devices/d-1", BKD_BANTEN, "{\"unitId\": \"tng-disdukcapil\", \"secret\": \"x\"}");

    assertThat(byOperator.status()).isEqualTo(403);
    assertThat(byDevice.status()).isEqualTo(403);
    assertThat(otherRegion.refused(403)).startsWith("region: the token 'bkd-banten' may not");
    assertThat(noUnit.badRequest()).isEqualTo("unitId: is required");
    assertThat(weakSecret.badRequest()).startsWith("secret: must be at least 32 characters");
  }

  @Test
  void aFloodFromOneDeviceGets429WithRetryAfterAndOthersGoOn() throws Exception {
    try (Ingest limited =
        ingest.start(
            b ->
                b.rateLimits(
                    new RateLimits(new RateLimits.Rate(1, 3), new RateLimits.Rate(1, 3))))) {
      HttpProbe other = new HttpProbe(limited.url());
      Registered flooder = register("phone-flood", "tng-disdukcapil");
      String event = attendance(id(), "nip-f").replace("\"a1f3\"", "\"phone-flood\"");
      int[] sent = {0};
      // Until the limited ingest has read the device from the topic (an unknown device's 401
      // takes nothing from its bucket).
      Poll.until(
          Duration.ofSeconds(30),
          () -> {
            String at = Long.toString(NOW_S - sent[0]++);
            return other.send(to(limited, signedRequest(flooder, at, event, JSON))).status() != 401;
          });
      HttpProbe.Answer last = null;
      for (int i = 0; i < 20 && (last == null || last.status() != 429); i++) {
        String at = Long.toString(NOW_S - sent[0]++);
        last = other.send(to(limited, signedRequest(flooder, at, event, JSON)));
        assertThat(last.status()).isIn(202, 429);
      }
      JsonNode refusal = last.json();
      var tokenFlood = (HttpProbe.Answer) null;
      for (int i = 0; i < 20 && (tokenFlood == null || tokenFlood.status() != 429); i++) {
        tokenFlood = other.postEvent(OPERATOR, attendance(id(), "nip-t"));
      }

      assertThat(last.status()).isEqualTo(429);
      assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
      assertThat(refusal.get("errors").get(0).asText())
          .startsWith("X-Pantau-Device: device 'phone-flood' sent more than 1 requests a second");
      assertThat(tokenFlood.status()).isEqualTo(429);
      assertThat(tokenFlood.header("Retry-After")).isNotNull();
      assertThat(tokenFlood.firstError()).startsWith("Authorization: the token 'ops' sent more");
      assertThat(signed(kiosk, attendance(id(), "nip-other")).status())
          .as("another device on the default ingest")
          .isEqualTo(202);
    }
  }
}

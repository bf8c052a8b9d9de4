package id.pantau.ingest;

import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.OPERATOR;
import static id.pantau.ingest.TestData.attendance;
import static id.pantau.ingest.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Topics;
import id.pantau.ingest.SignedDeviceHttpTest.Registered;
import id.pantau.ingest.device.DeviceTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With PANTAU_INGEST_DEVICE_TOKENS=refuse a shared DEVICE token no longer posts events (its holder
 * could post as any device); back-office tokens and signed devices go on. Real HTTP, real broker.
 */
class DeviceTokensHttpTest {
  @RegisterExtension
  static final LiveIngest ingest = LiveIngest.with(b -> b.deviceTokens(DeviceTokens.REFUSE));

  static final HttpProbe http = ingest.http;

  static Registered kiosk;

  @BeforeAll
  static void registerTheKiosk() {
    assertThat(http.putUnit("tng-disdukcapil", OPERATOR, "banten", "Asia/Jakarta").status())
        .isEqualTo(200);
    kiosk = SignedDeviceHttpTest.register(http, "a1f3", "tng-disdukcapil");
  }

  @Test
  void refusesADeviceTokenNamingAuthorizationAndPublishesNothing() {
    var published =
        ingest.topics.publishedBy(
            Topics.ATTENDANCE, () -> http.postEvent(DEVICE, attendance(id(), "nip-d1")));
    var answer = published.answer();

    assertThat(answer.refused(401))
        .startsWith("Authorization: the token 'phone-app' has the role DEVICE")
        .contains("PUT /v1/devices/{deviceId}")
        .contains("X-Pantau-Device, X-Pantau-Timestamp and X-Pantau-Signature");
    assertThat(published.records()).isEmpty();
  }

  @Test
  void stillTakesAnOperatorsUpload() {
    http.postEvent(OPERATOR, attendance(id(), "nip-d2")).assertTook(202, 1);
  }

  @Test
  void stillTakesASignedRequest() {
    String now = Long.toString(TestData.NOW.getEpochSecond());
    var request =
        SignedDeviceHttpTest.signedRequest(
            ingest.url(), kiosk, now, attendance(id(), "nip-d3"), "application/json");

    http.send(request).assertTook(202, 1);
  }
}

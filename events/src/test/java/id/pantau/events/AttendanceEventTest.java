package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceEventTest {
  static final String VALID =
      """
      {"type": "attendance", "eventId": "4b7c", "nip": "198703122010011002",
       "unitId": "tng-disdukcapil", "action": "CHECK_IN", "mode": "WFO",
       "time": "2026-11-23T07:12:03+07:00",
       "location": {"lat": -6.1783, "lon": 106.6319, "accuracyM": 12.5, "mock": false},
       "deviceId": "a1f3", "source": "APP", "futureField": {"x": 1}}
      """;

  /** The field-named reasons the event is refused for; empty when it is accepted. */
  static List<String> errors(String json) {
    return decode(json).errors();
  }

  static Decoded<AttendanceEvent> decode(String json) {
    return Json.attendance(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsTheContractExampleAndToleratesUnknownFields() {
    Decoded<AttendanceEvent> d = decode(VALID);
    assertThat(d.errors()).isEmpty();
    assertThat(d.value().timeMs)
        .isEqualTo(java.time.Instant.parse("2026-11-23T00:12:03Z").toEpochMilli());
    assertThat(d.value().isOfficeCheckIn()).isTrue();
  }

  @Test
  void namesTheFieldOfAnUnknownEnumValue() {
    assertThat(errors(VALID.replace("\"CHECK_IN\"", "\"CHECKIN\"")))
        .containsExactly("action: must be one of CHECK_IN, CHECK_OUT (got 'CHECKIN')");
  }

  @Test
  void refusesATimeWithoutOffset() {
    assertThat(errors(VALID.replace("07:12:03+07:00", "07:12:03")))
        .singleElement()
        .asString()
        .startsWith("time: must be ISO-8601 with an offset");
  }

  @Test
  void listsEveryMissingFieldAtOnce() {
    assertThat(errors("{\"type\":\"attendance\",\"source\":\"KIOSK\"}"))
        .containsExactly(
            "eventId: is required",
            "nip: is required",
            "unitId: is required",
            "action: is required",
            "mode: is required",
            "time: is required");
  }

  @Test
  void requiresLocationAndDeviceFromTheApp() {
    assertThat(
            errors(
                VALID
                    .replaceAll("\"location\": \\{[^}]*\\},", "")
                    .replace("\"deviceId\": \"a1f3\",", "")))
        .containsExactly("location: is required when source is APP", "deviceId: is required");
  }

  @Test
  void reportsAWrongTypeByFieldPath() {
    assertThat(errors(VALID.replace("-6.1783", "\"north\"")))
        .containsExactly("location.lat: must be a number");
  }

  @Test
  void reportsBrokenJsonWithItsPosition() {
    assertThat(errors("{\"type\": \"attendance\","))
        .singleElement()
        .asString()
        .startsWith("body: not valid JSON at line 1");
  }

  @Test
  void refusesOutOfRangeCoordinates() {
    assertThat(errors(VALID.replace("106.6319", "206.6")))
        .containsExactly("location.lon: must be between -180 and 180");
  }

  @Test
  void roundTripsThroughTheCanonicalEncoding() {
    AttendanceEvent e = decode(VALID).value();
    e.receivedAt = 1L;
    Decoded<AttendanceEvent> again = Json.attendance(Json.bytes(e));
    assertThat(again.errors()).isEmpty();
    assertThat(again.value().timeMs).isEqualTo(e.timeMs);
    assertThat(again.value().receivedAt).isEqualTo(1L);
    assertThat(Json.text(e)).doesNotContain("timeMs").doesNotContain("futureField");
  }
}

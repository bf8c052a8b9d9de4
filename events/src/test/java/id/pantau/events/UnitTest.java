package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnitTest {
  static Decoded<Unit> decode(String json) {
    return Json.unit(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsACircleOffice() {
    Decoded<Unit> d =
        decode(
            """
            {"unitId": "tng-dukcapil", "name": "Disdukcapil", "region": "kota-tangerang",
             "timeZone": "Asia/Jakarta", "headcount": 120, "essential": true, "minPresent": 10,
             "office": {"lat": -6.17, "lon": 106.63, "radiusM": 150}}
            """);
    assertThat(d.errors()).isEmpty();
  }

  @Test
  void acceptsAPolygonOffice() {
    Decoded<Unit> d =
        decode(
            """
            {"unitId": "u1", "name": "Kantor", "region": "r1", "timeZone": "Asia/Makassar", "headcount": 5,
             "office": {"polygon": [[119.4, -5.1], [119.5, -5.1], [119.5, -5.2], [119.4, -5.1]]}}
            """);
    assertThat(d.errors()).isEmpty();
  }

  @Test
  void refusesAnUnknownTimeZoneAndNegativeHeadcount() {
    Decoded<Unit> d =
        decode(
            "{\"unitId\":\"u1\",\"name\":\"n\",\"region\":\"r\",\"timeZone\":\"WITA\",\"headcount\":-1}");
    assertThat(d.errors())
        .containsExactly(
            "timeZone: 'WITA' is not a time zone ID such as Asia/Jakarta",
            "headcount: must be zero or more");
  }

  @Test
  void refusesAFloorAboveTheHeadcount() {
    Decoded<Unit> d =
        decode(
            "{\"unitId\":\"u1\",\"name\":\"n\",\"region\":\"r\",\"timeZone\":\"Asia/Jayapura\",\"headcount\":3,\"minPresent\":4}");
    assertThat(d.errors()).containsExactly("minPresent: must not exceed headcount (3)");
  }

  @Test
  void refusesAnOpenPolygon() {
    Decoded<Unit> d =
        decode(
            """
            {"unitId": "u1", "name": "n", "region": "r", "timeZone": "Asia/Jakarta", "headcount": 5,
             "office": {"polygon": [[1, 1], [2, 1], [2, 2], [1, 2]]}}
            """);
    assertThat(d.errors())
        .containsExactly("office.polygon: the last point must equal the first (a closed ring)");
  }

  @Test
  void refusesAnIdThatCannotBeATag() {
    Decoded<Unit> d =
        decode(
            "{\"unitId\":\"dinas kesehatan\",\"name\":\"n\",\"region\":\"r\",\"timeZone\":\"Asia/Jakarta\",\"headcount\":1}");
    assertThat(d.errors()).singleElement().asString().startsWith("unitId: must be 1-128 letters");
  }
}

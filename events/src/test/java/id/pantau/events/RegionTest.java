package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegionTest {
  static Decoded<Region> decode(String json) {
    return Json.region(json.getBytes(StandardCharsets.UTF_8));
  }

  static final String SQUARE =
      "[[106.5, -6.3], [106.7, -6.3], [106.7, -6.1], [106.5, -6.1], [106.5, -6.3]]";

  @Test
  void acceptsAGeoJsonPolygon() {
    Decoded<Region> d =
        decode(
            """
            {"region": "kota-tangerang", "name": "Kota Tangerang", "province": "Banten",
             "timeZone": "Asia/Jakarta", "boundary": {"type": "Polygon", "coordinates": [%s]}}
            """
                .formatted(SQUARE));
    assertThat(d.errors()).isEmpty();
    Boundary b = d.value().boundary;
    assertThat(b.polygons).hasDimensions(1, 1);
    assertThat(b.geometry().getArea()).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void acceptsAMultiPolygonWithAHoleWhateverTheOrderOfItsFields() {
    Decoded<Region> d =
        decode(
            """
            {"region": "kab-kepulauan", "name": "Kepulauan",
             "boundary": {"coordinates": [
                [%s, [[106.55, -6.25], [106.55, -6.2], [106.6, -6.2], [106.55, -6.25]]],
                [[[107, -6], [107.1, -6], [107.1, -5.9], [107, -6]]]],
              "type": "MultiPolygon"}}
            """
                .formatted(SQUARE));
    assertThat(d.errors()).isEmpty();
    assertThat(d.value().boundary.geometry().getNumGeometries()).isEqualTo(2);
  }

  @Test
  void writesTheSameGeoJsonBack() {
    Region r =
        decode(
                """
            {"region": "r1", "name": "R", "boundary": {"type": "Polygon", "coordinates": [%s]}}
            """
                    .formatted(SQUARE))
            .value();
    Decoded<Region> again = Json.region(Json.bytes(r));
    assertThat(again.errors()).isEmpty();
    assertThat(Json.text(again.value())).isEqualTo(Json.text(r)).contains("\"type\":\"Polygon\"");
  }

  @Test
  void namesTheMissingFields() {
    assertThat(decode("{\"region\": \"r1\"}").errors())
        .containsExactly(
            "name: is required",
            "boundary: is required, a GeoJSON Polygon or MultiPolygon of [lon, lat] rings");
  }

  @Test
  void refusesAnUnknownGeometryType() {
    assertThat(
            decode(
                    "{\"region\": \"r1\", \"name\": \"R\", \"boundary\": {\"type\": \"Point\","
                        + " \"coordinates\": [106.5, -6.3]}}")
                .errors())
        .containsExactly("boundary.type: must be Polygon or MultiPolygon (got 'Point')");
  }

  @Test
  void namesTheBadPosition() {
    assertThat(
            decode(
                    """
                    {"region": "r1", "name": "R", "boundary": {"type": "Polygon", "coordinates":
                      [[[106.5, -6.3], [206.7, -6.3], [106.7, "x"], [106.5, -6.3]]]}}
                    """)
                .errors())
        .containsExactly(
            "boundary.coordinates[0][1]: must be [lon, lat] with lon -180..180 and lat -90..90",
            "boundary.coordinates[0][2]: must be [lon, lat] with lon -180..180 and lat -90..90");
  }

  @Test
  void refusesAnOpenOrShortRing() {
    assertThat(
            decode(
                    """
                    {"region": "r1", "name": "R", "boundary": {"type": "MultiPolygon", "coordinates":
                      [[[[106.5, -6.3], [106.7, -6.3], [106.7, -6.1], [106.5, -6.1]]],
                       [[[106.5, -6.3], [106.7, -6.3], [106.5, -6.3]]]]}}
                    """)
                .errors())
        .containsExactly(
            "boundary.coordinates[0][0]: the last position must equal the first (a closed ring)",
            "boundary.coordinates[1][0]: a ring needs at least 4 [lon, lat] positions, the last"
                + " equal to the first");
  }

  @Test
  void refusesASelfIntersectingRing() {
    // A bow tie: the edges cross at (106.6, -6.2).
    assertThat(
            decode(
                    """
                    {"region": "r1", "name": "R", "boundary": {"type": "Polygon", "coordinates":
                      [[[106.5, -6.3], [106.7, -6.1], [106.7, -6.3], [106.5, -6.1], [106.5, -6.3]]]}}
                    """)
                .errors())
        .singleElement()
        .asString()
        .startsWith("boundary: is not a valid Polygon (Self-intersection at [106.6");
  }

  @Test
  void refusesAnUnknownTimeZoneAndMissingCoordinates() {
    assertThat(
            decode(
                    "{\"region\": \"r1\", \"name\": \"R\", \"timeZone\": \"WIB\","
                        + " \"boundary\": {\"type\": \"Polygon\"}}")
                .errors())
        .containsExactly(
            "timeZone: 'WIB' is not a time zone ID such as Asia/Jakarta",
            "boundary.coordinates: is required");
  }
}

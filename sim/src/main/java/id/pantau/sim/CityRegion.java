package id.pantau.sim;

import id.pantau.events.ZoneLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city government of the simulation, in its own time zone: its centre, its square boundary and
 * its zone level. On the wire it is a {@link id.pantau.events.Region} ({@link #referenceData()}).
 *
 * @param id the region id used on the wire, e.g. "kota-tangerang"
 * @param lat latitude of the city centre (the city hall)
 * @param lon longitude of the city centre
 * @param level the risk zone the simulated city is in; it sets the share of staff at the office
 */
public record CityRegion(
    String id, String name, String province, ZoneId zone, double lat, double lon, ZoneLevel level) {

  /** Half the side of the square the simulation treats as the region, in degrees (~11 km). */
  public static final double HALF_SIDE_DEG = 0.10;

  /** The Indonesian name of the zone, by its offset: WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9). */
  public String zoneName() {
    int hours = zone.getRules().getStandardOffset(Instant.now()).getTotalSeconds() / 3600;
    return switch (hours) {
      case 7 -> "WIB";
      case 8 -> "WITA";
      case 9 -> "WIT";
      default -> throw new IllegalStateException(zone + " is not one of Indonesia's zones");
    };
  }

  /** The region as a closed [lon, lat] ring around its centre; homes of its staff lie inside. */
  public List<double[]> boundaryRing() {
    double w = Coordinates.round6(lon - HALF_SIDE_DEG);
    double e = Coordinates.round6(lon + HALF_SIDE_DEG);
    double s = Coordinates.round6(lat - HALF_SIDE_DEG);
    double n = Coordinates.round6(lat + HALF_SIDE_DEG);
    // Counter-clockwise, as RFC 7946 wants an exterior ring.
    return List.of(
        new double[] {w, s},
        new double[] {e, s},
        new double[] {e, n},
        new double[] {w, n},
        new double[] {w, s});
  }

  /** True when the point lies in {@link #boundaryRing()}. */
  public boolean contains(double pointLat, double pointLon) {
    return Math.abs(pointLat - lat) <= HALF_SIDE_DEG && Math.abs(pointLon - lon) <= HALF_SIDE_DEG;
  }

  /** The body of {@code PUT /v1/regions/{region}} (CONTRACT.md), boundary as a GeoJSON Polygon. */
  public Map<String, Object> referenceData() {
    Map<String, Object> boundary = new LinkedHashMap<>();
    boundary.put("type", "Polygon");
    boundary.put("coordinates", List.of(boundaryRing()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("province", province);
    body.put("timeZone", zone.getId());
    body.put("boundary", boundary);
    return body;
  }
}

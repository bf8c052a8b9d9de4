package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A unit's office geofence: a circle (lat, lon, radiusM) or a polygon of [lon, lat] points. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Office {
  public Double lat;
  public Double lon;
  public Double radiusM;
  public double[][] polygon;

  public Office() {}

  void validate(String prefix, List<String> errors) {
    boolean circle = lat != null || lon != null || radiusM != null;
    if (polygon != null) {
      if (circle) errors.add(prefix + ": give either lat/lon/radiusM or polygon, not both");
      if (polygon.length < 4) {
        errors.add(
            prefix + ".polygon: needs at least 4 [lon, lat] points, the last equal to the first");
        return;
      }
      for (int i = 0; i < polygon.length; i++) {
        double[] p = polygon[i];
        if (p == null
            || p.length != 2
            || !(p[0] >= -180 && p[0] <= 180)
            || !(p[1] >= -90 && p[1] <= 90)) {
          errors.add(prefix + ".polygon[" + i + "]: must be [lon, lat] within range");
        }
      }
      double[] first = polygon[0];
      double[] last = polygon[polygon.length - 1];
      if (first != null
          && last != null
          && first.length == 2
          && last.length == 2
          && (first[0] != last[0] || first[1] != last[1])) {
        errors.add(prefix + ".polygon: the last point must equal the first (a closed ring)");
      }
      return;
    }
    if (lat == null || !(lat >= -90 && lat <= 90))
      errors.add(prefix + ".lat: is required, -90 to 90");
    if (lon == null || !(lon >= -180 && lon <= 180)) {
      errors.add(prefix + ".lon: is required, -180 to 180");
    }
    if (radiusM == null || !(radiusM > 0)) errors.add(prefix + ".radiusM: must be more than 0");
  }
}

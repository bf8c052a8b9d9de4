package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A region (kota, kabupaten) as reference data (PUT /v1/regions/{region}), keyed by {@link #region}
 * on the compacted regions topic: the latest record is its current boundary. A unit's region is its
 * staff's home region; a WFH fix outside the boundary is OUT_OF_REGION.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Region {
  public String region;
  public String name;
  public String province;
  public String timeZone;
  public Boundary boundary;

  public Region() {}

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("region", region, errors);
    Required.text("name", name, errors);
    if (timeZone != null && !Times.isZone(timeZone)) {
      errors.add(
          "timeZone: '" + Required.clip(timeZone) + "' is not a time zone ID such as Asia/Jakarta");
    }
    if (boundary == null) {
      errors.add("boundary: is required, a GeoJSON Polygon or MultiPolygon of [lon, lat] rings");
    } else {
      boundary.validate("boundary", errors);
    }
    return errors;
  }
}

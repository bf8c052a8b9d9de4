package id.pantau.events;

import java.util.List;

/**
 * A location fix as the phone reported it. Reduced to facts (inside office, region) in the jobs.
 */
public class GeoFix {
  public Double lat;
  public Double lon;
  public Double accuracyM;
  public Boolean mock;

  public GeoFix() {}

  public GeoFix(double lat, double lon, double accuracyM, boolean mock) {
    this.lat = lat;
    this.lon = lon;
    this.accuracyM = accuracyM;
    this.mock = mock;
  }

  void validate(String prefix, List<String> errors) {
    if (lat == null) errors.add(prefix + ".lat: is required");
    else if (!(lat >= -90 && lat <= 90)) errors.add(prefix + ".lat: must be between -90 and 90");
    if (lon == null) errors.add(prefix + ".lon: is required");
    else if (!(lon >= -180 && lon <= 180))
      errors.add(prefix + ".lon: must be between -180 and 180");
    if (accuracyM != null && !(accuracyM >= 0)) {
      errors.add(prefix + ".accuracyM: must be zero or more metres");
    }
  }
}

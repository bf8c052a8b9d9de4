package id.pantau.sim;

/**
 * Coordinates near the equator: metres to degrees, good enough for offsets of a few kilometres, and
 * distances at city scale. (Not the jobs' geofences, id.pantau.location.Geo.)
 */
final class Coordinates {
  static final double EARTH_RADIUS_M = 6_371_000.0;
  static final double METRES_PER_DEGREE = Math.toRadians(1) * EARTH_RADIUS_M;

  private Coordinates() {}

  /** The point {@code distanceM} metres from (lat, lon) towards {@code bearingRad}. */
  static double[] offset(double lat, double lon, double distanceM, double bearingRad) {
    double dLat = distanceM * Math.cos(bearingRad) / METRES_PER_DEGREE;
    double dLon =
        distanceM * Math.sin(bearingRad) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    return new double[] {lat + dLat, lon + dLon};
  }

  /** Distance in metres between two points (equirectangular; fine at city scale). */
  static double distanceM(double lat1, double lon1, double lat2, double lon2) {
    double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double y = Math.toRadians(lat2 - lat1);
    return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}

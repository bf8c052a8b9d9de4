package id.pantau.location;

import id.pantau.events.Office;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Distances and office geofences. */
final class Geo {
  static final double EARTH_RADIUS_M = 6_371_008.8;

  /** Metres per degree (approximately, at the equator). */
  static final double METRES_PER_DEGREE = 111_320;

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private Geo() {}

  /** The great-circle distance in metres. */
  static double haversineM(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * Whether a fix is surely outside the office: beyond the circle's radius plus the accuracy, or
   * outside the polygon buffered by the accuracy. False when the office has no usable geofence.
   */
  static boolean outside(Office office, double lat, double lon, double accuracyM) {
    if (office == null) return false;
    if (office.polygon != null) {
      Polygon poly = polygon(office.polygon);
      if (poly == null) return false;
      Geometry fence = accuracyM > 0 ? poly.buffer(accuracyM / METRES_PER_DEGREE) : poly;
      return !fence.covers(GEOMETRY.createPoint(new Coordinate(lon, lat)));
    }
    if (office.lat == null || office.lon == null || office.radiusM == null) return false;
    return haversineM(office.lat, office.lon, lat, lon) > office.radiusM + accuracyM;
  }

  /**
   * How far (metres) a fix lies beyond a region's boundary, 0 when the boundary covers it. Degrees
   * are turned into metres at the east-west scale of the fix's latitude, the smaller one, so the
   * figure never overstates the distance (a fix is never flagged because of the approximation).
   */
  static double beyondRegionM(RegionShapes.Shape region, double lat, double lon) {
    Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
    if (region.prepared().covers(p)) return 0;
    return region.geometry().distance(p) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
  }

  /** A polygon of [lon, lat] points (closed), or null when it is not one. */
  static Polygon polygon(double[][] points) {
    if (points.length < 4) return null;
    Coordinate[] ring = new Coordinate[points.length];
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null || points[i].length != 2) return null;
      ring[i] = new Coordinate(points[i][0], points[i][1]);
    }
    if (!ring[0].equals2D(ring[ring.length - 1])) return null;
    try {
      return GEOMETRY.createPolygon(ring);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

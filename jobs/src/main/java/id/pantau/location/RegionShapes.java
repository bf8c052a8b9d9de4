package id.pantau.location;

import id.pantau.events.Region;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The JTS geometry of each region's boundary, built once per version. Broadcast state holds the
 * regions as POJOs; this cache (per operator instance, not checkpointed) holds what JTS needs to
 * test many fixes against one boundary fast, rebuilt when the region record is replaced.
 */
final class RegionShapes {
  record Shape(Region source, Geometry geometry, PreparedGeometry prepared) {}

  private final Map<String, Shape> shapes = new HashMap<>();

  /** The shape of the region's current record, or null when it has no usable boundary. */
  Shape of(Region region) {
    if (region == null || region.boundary == null || region.boundary.polygons == null) return null;
    Shape s = shapes.get(region.region);
    if (s != null && s.source() == region) return s;
    Geometry g;
    try {
      g = region.boundary.geometry();
    } catch (IllegalArgumentException e) {
      return null; // refused by validation already; never judge against a broken boundary
    }
    s = new Shape(region, g, PreparedGeometryFactory.prepare(g));
    shapes.put(region.region, s);
    return s;
  }
}

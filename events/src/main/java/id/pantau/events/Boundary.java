package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A region's boundary as a GeoJSON (RFC 7946) geometry: {@code {"type": "Polygon", "coordinates":
 * [ring, …]}} or {@code {"type": "MultiPolygon", "coordinates": [[ring, …], …]}}, each ring a
 * closed list of [lon, lat] positions, the first ring of a polygon its outer edge and the others
 * holes. Held as polygons (a Polygon is one) so that it is a plain Flink POJO.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Boundary {
  public static final String POLYGON = "Polygon";
  public static final String MULTI_POLYGON = "MultiPolygon";

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  public String type;

  /** Polygons, each a list of rings, each a list of [lon, lat]; null when unreadable. */
  @JsonIgnore public double[][][][] polygons;

  /** Why the coordinates could not be read ("coordinates[0][2]: …"); reported by validate. */
  @JsonIgnore private transient List<String> problems = List.of();

  public Boundary() {}

  /** Jackson's way in: both fields at once, whatever their order in the JSON. */
  @JsonCreator
  public Boundary(
      @JsonProperty("type") String type, @JsonProperty("coordinates") JsonNode coordinates) {
    this.type = type;
    List<String> found = new ArrayList<>();
    if (coordinates == null || coordinates.isNull()) {
      found.add("coordinates: is required");
    } else if (MULTI_POLYGON.equals(type)) {
      polygons = readMulti(coordinates, found);
    } else if (POLYGON.equals(type)) {
      double[][][] p = readPolygon(coordinates, "coordinates", found);
      polygons = p == null ? null : new double[][][][] {p};
    }
    if (!found.isEmpty()) polygons = null;
    problems = List.copyOf(found);
  }

  /** A Polygon from its rings (the first the outer edge). */
  public static Boundary polygon(double[][]... rings) {
    Boundary b = new Boundary();
    b.type = POLYGON;
    b.polygons = new double[][][][] {rings};
    return b;
  }

  /** The GeoJSON coordinates: one polygon's rings for a Polygon, a list of them otherwise. */
  @JsonGetter("coordinates")
  public Object coordinates() {
    if (polygons == null) return null;
    return POLYGON.equals(type) && polygons.length == 1 ? polygons[0] : polygons;
  }

  void validate(String prefix, List<String> errors) {
    if (type == null) {
      errors.add(prefix + ".type: is required (Polygon or MultiPolygon)");
      return;
    }
    if (!POLYGON.equals(type) && !MULTI_POLYGON.equals(type)) {
      errors.add(
          prefix + ".type: must be Polygon or MultiPolygon (got '" + Required.clip(type) + "')");
      return;
    }
    if (problems != null && !problems.isEmpty()) {
      for (String p : problems) errors.add(prefix + "." + p);
      return;
    }
    if (polygons == null) {
      errors.add(prefix + ".coordinates: is required");
      return;
    }
    Geometry g = geometry();
    TopologyValidationError invalid = new IsValidOp(g).getValidationError();
    if (invalid != null) {
      Coordinate at = invalid.getCoordinate();
      errors.add(
          prefix
              + ": is not a valid "
              + type
              + " ("
              + invalid.getMessage()
              + (at == null ? "" : " at [" + at.x + ", " + at.y + "]")
              + ")");
    }
  }

  /** The boundary as a JTS geometry (x = lon, y = lat); call only on a validated boundary. */
  public Geometry geometry() {
    Polygon[] ps = new Polygon[polygons.length];
    for (int i = 0; i < polygons.length; i++) {
      double[][][] rings = polygons[i];
      LinearRing shell = GEOMETRY.createLinearRing(coordinates(rings[0]));
      LinearRing[] holes = new LinearRing[rings.length - 1];
      for (int h = 1; h < rings.length; h++) {
        holes[h - 1] = GEOMETRY.createLinearRing(coordinates(rings[h]));
      }
      ps[i] = GEOMETRY.createPolygon(shell, holes);
    }
    return ps.length == 1 ? ps[0] : GEOMETRY.createMultiPolygon(ps);
  }

  private static Coordinate[] coordinates(double[][] ring) {
    Coordinate[] cs = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) cs[i] = new Coordinate(ring[i][0], ring[i][1]);
    return cs;
  }

  // ------------------------------------------------------------------ reading GeoJSON positions

  private static double[][][][] readMulti(JsonNode node, List<String> problems) {
    if (!node.isArray() || node.isEmpty()) {
      problems.add("coordinates: must be a non-empty array of polygons");
      return null;
    }
    double[][][][] out = new double[node.size()][][][];
    for (int i = 0; i < node.size(); i++) {
      out[i] = readPolygon(node.get(i), "coordinates[" + i + "]", problems);
    }
    return out;
  }

  private static double[][][] readPolygon(JsonNode node, String path, List<String> problems) {
    if (!node.isArray() || node.isEmpty()) {
      problems.add(path + ": must be a non-empty array of rings, each of [lon, lat] positions");
      return null;
    }
    double[][][] rings = new double[node.size()][][];
    for (int r = 0; r < node.size(); r++) {
      rings[r] = readRing(node.get(r), path + "[" + r + "]", problems);
    }
    return rings;
  }

  private static double[][] readRing(JsonNode node, String path, List<String> problems) {
    if (!node.isArray() || node.size() < 4) {
      problems.add(
          path + ": a ring needs at least 4 [lon, lat] positions, the last equal to the first");
      return null;
    }
    double[][] ring = new double[node.size()][];
    int before = problems.size();
    for (int i = 0; i < node.size(); i++) {
      JsonNode p = node.get(i);
      boolean numbers =
          p.isArray()
              && (p.size() == 2 || p.size() == 3) // a third number (altitude) is allowed, unused
              && p.get(0).isNumber()
              && p.get(1).isNumber();
      double lon = numbers ? p.get(0).asDouble() : Double.NaN;
      double lat = numbers ? p.get(1).asDouble() : Double.NaN;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        problems.add(path + "[" + i + "]: must be [lon, lat] with lon -180..180 and lat -90..90");
      }
      ring[i] = new double[] {lon, lat};
    }
    if (problems.size() > before) return null;
    double[] first = ring[0];
    double[] last = ring[ring.length - 1];
    if (first[0] != last[0] || first[1] != last[1]) {
      problems.add(path + ": the last position must equal the first (a closed ring)");
      return null;
    }
    return ring;
  }
}

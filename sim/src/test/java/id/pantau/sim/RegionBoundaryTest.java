package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Decoded;
import id.pantau.events.GeoFix;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The region boundaries the simulator sends, against the WFH fixes it makes. */
class RegionBoundaryTest {
  static final City CITY = City.defaultCity();
  static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** The body the simulator sends to PUT /v1/regions/{id}, as ingest completes it. */
  static Decoded<id.pantau.events.Region> decoded(CityRegion r) {
    ObjectNode body = Json.MAPPER.valueToTree(r.referenceData());
    body.put("region", r.id());
    return Json.decode(body, id.pantau.events.Region.class, id.pantau.events.Region::validate);
  }

  @Test
  void everyRegionSendsAValidBoundary() {
    for (CityRegion r : CITY.regions()) {
      Decoded<id.pantau.events.Region> d = decoded(r);
      assertThat(d.errors()).as(r.id()).isEmpty();
      assertThat(d.value().timeZone).isEqualTo(r.zone().getId());
      assertThat(d.value().boundary.geometry().contains(point(r.lat(), r.lon()))).isTrue();
    }
  }

  @Test
  void awayStaffPingFromBeyondTheBoundaryAndTheOthersFromWithinIt() {
    Map<String, Geometry> boundaries = new HashMap<>();
    for (CityRegion r : CITY.regions())
      boundaries.put(r.id(), decoded(r).value().boundary.geometry());
    int away = 0;
    int home = 0;
    for (LocalDate date = LocalDate.of(2026, 11, 23);
        date.isBefore(LocalDate.of(2026, 11, 28));
        date = date.plusDays(1)) {
      CityDay plan = CityDay.of(CITY, date);
      for (Planned p : plan.events()) {
        if (!(p.event() instanceof LocationPing ping)) continue;
        Geometry boundary = boundaries.get(CITY.unit(ping.unitId).region().id());
        GeoFix fix = ping.location;
        // Metres from the boundary (0 inside), against the fix's accuracy.
        double beyondM = boundary.distance(point(fix.lat, fix.lon)) * 111_000;
        if (plan.assignment(ping.nip).awayFromRegion()) {
          away++;
          assertThat(beyondM).as(ping.nip).isGreaterThan(fix.accuracyM + 10_000);
        } else {
          home++;
          assertThat(boundary.covers(point(fix.lat, fix.lon))).as(ping.nip).isTrue();
        }
      }
    }
    assertThat(away).isPositive();
    assertThat(home).isGreaterThan(away * 10);
  }

  static org.locationtech.jts.geom.Point point(double lat, double lon) {
    return GEOMETRY.createPoint(new Coordinate(lon, lat));
  }
}

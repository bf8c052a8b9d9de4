package id.pantau.sim;

import id.pantau.events.Office;
import id.pantau.events.Unit;
import java.time.ZoneId;

/**
 * A unit (OPD) of the simulated city.
 *
 * @param minPresent the staffing floor of an essential unit, 0 for the others
 * @param lat latitude of the office centre
 * @param lon longitude of the office centre
 * @param radiusM radius of the office circle, 80–200 m
 * @param duty its round-the-clock rota (if any) and how often its staff go out on field duty
 */
public record CityUnit(
    String unitId,
    String name,
    CityRegion region,
    int headcount,
    boolean essential,
    int minPresent,
    double lat,
    double lon,
    double radiusM,
    Duty duty) {

  /** True when some of its staff work shifts round the clock (fire brigade, hospital, PSC 119). */
  public boolean roundTheClock() {
    return duty.roundTheClock();
  }

  public ZoneId zone() {
    return region.zone();
  }

  /** The unit as reference data: the body of {@code PUT /v1/units/{unitId}}. */
  public Unit toUnit() {
    Unit u = new Unit();
    u.unitId = unitId;
    u.name = name;
    u.region = region.id();
    u.timeZone = region.zone().getId();
    u.headcount = headcount;
    u.essential = essential;
    u.minPresent = minPresent;
    Office o = new Office();
    o.lat = lat;
    o.lon = lon;
    o.radiusM = radiusM;
    u.office = o;
    return u;
  }
}

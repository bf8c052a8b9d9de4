package id.pantau.location;

import id.pantau.events.Region;
import id.pantau.events.Unit;

/** Reference data broadcast to the location rules: a unit (office, region, zone) or a region. */
public class LocationRef {
  public Unit unit;
  public Region region;

  public LocationRef() {}

  public static LocationRef of(Unit u) {
    LocationRef r = new LocationRef();
    r.unit = u;
    return r;
  }

  public static LocationRef of(Region region) {
    LocationRef r = new LocationRef();
    r.region = region;
    return r;
  }
}

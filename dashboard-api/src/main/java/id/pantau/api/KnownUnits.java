package id.pantau.api;

import id.pantau.events.Unit;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The region and time zone of each unit, as its latest check-in record names them (kept across
 * dates: a unit's place outlives the days kept), and the zone its registration on the units topic
 * names, which wins: it is the unit's own setting, a check-in record only a copy of it from when
 * the jobs read it. Not thread-safe: {@link CheckinBook} guards it.
 */
final class KnownUnits {
  private final Map<String, String> regions = new HashMap<>();
  private final Map<String, ZoneId> zones = new HashMap<>();
  private final Map<String, ZoneId> registered = new HashMap<>();
  // A region's units keep one zone: the last one learnt stands for units not known themselves.
  private final Map<String, ZoneId> regionZones = new HashMap<>();

  /** Learns the unit's region and zone from a record; an unknown zone is ignored. */
  void learn(CheckinRecord r) {
    if (r.region() != null) regions.put(r.unitId(), r.region());
    zone(r.timeZone()).ifPresent(z -> learnZone(zones, r.unitId(), r.region(), z));
  }

  /** Learns the zone of a unit's registration (a tombstone, {@code null}, forgets it). */
  void learn(String unitId, Unit u) {
    if (unitId == null) return;
    if (u == null) {
      registered.remove(unitId);
      return;
    }
    zone(u.timeZone).ifPresent(z -> learnZone(registered, unitId, u.region, z));
  }

  private void learnZone(Map<String, ZoneId> into, String unit, String region, ZoneId zone) {
    into.put(unit, zone);
    if (region != null) regionZones.put(region, zone);
  }

  private static Optional<ZoneId> zone(String id) {
    if (id == null) return Optional.empty();
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty(); // an unknown zone: the default zone stands in
    }
  }

  Optional<String> regionOf(String unit) {
    return Optional.ofNullable(regions.get(unit));
  }

  /** The unit's registered zone, else that of its latest check-in record. */
  Optional<ZoneId> zoneOf(String unit) {
    ZoneId z = registered.get(unit);
    return Optional.ofNullable(z != null ? z : zones.get(unit));
  }

  /** The zone of a unit of the region (a region's units keep one zone). */
  Optional<ZoneId> zoneOfRegion(String region) {
    return Optional.ofNullable(region == null ? null : regionZones.get(region));
  }
}

package id.pantau.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The region and time zone of each unit, as its latest check-in record names them (kept across
 * dates: a unit's place outlives the days kept). Not thread-safe: {@link CheckinBook} guards it.
 */
final class KnownUnits {
  private final Map<String, String> regions = new HashMap<>();
  private final Map<String, ZoneId> zones = new HashMap<>();

  /** Learns the unit's region and zone from a record; an unknown zone is ignored. */
  void learn(CheckinRecord r) {
    if (r.region() != null) regions.put(r.unitId(), r.region());
    if (r.timeZone() != null) {
      try {
        zones.put(r.unitId(), ZoneId.of(r.timeZone()));
      } catch (DateTimeException e) {
        // an unknown zone: the default zone stands in
      }
    }
  }

  Optional<String> regionOf(String unit) {
    return Optional.ofNullable(regions.get(unit));
  }

  Optional<ZoneId> zoneOf(String unit) {
    return Optional.ofNullable(zones.get(unit));
  }

  /** The zone of a unit of the region (a region's units keep one zone). */
  Optional<ZoneId> zoneOfRegion(String region) {
    return regions.entrySet().stream()
        .filter(e -> e.getValue().equals(region) && zones.containsKey(e.getKey()))
        .map(e -> zones.get(e.getKey()))
        .findFirst();
  }
}

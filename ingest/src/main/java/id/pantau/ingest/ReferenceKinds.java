package id.pantau.ingest;

import id.pantau.events.Exposure;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Every kind of reference data ingest takes, described once (see {@link Kind}). */
final class ReferenceKinds {
  static final List<String> ROSTER_COLUMNS =
      List.of("nip", "unitId", "date", "mode", "homeRegion", "shiftStart");
  static final List<String> ROSTER_REQUIRED = List.of("nip", "unitId", "date", "mode");

  final Kind<Unit> units;
  final Kind<ZoneChange> zones;
  final Kind<Policy> policies;
  final Kind<Exposure> exposures;
  final Kind<Region> regions;
  final Kind<RosterEntry> rosters;

  ReferenceKinds(ClockGuard guard, Clock clock, UnitDirectory directory) {
    units =
        new Kind<>(
            "units",
            "the unit",
            Unit.class,
            guard.unit(),
            u -> u.unitId,
            Topics.UNITS,
            UnitCsv.CSV,
            false,
            true,
            (u, first) -> "unitId: '" + u.unitId + "' is also on " + first,
            (where, u) -> Scope.Target.unit(where, u.unitId, u.region),
            u -> stampEffectiveFrom(u, clock),
            u -> directory.put(u.unitId, u.region));
    zones =
        new Kind<>(
            "zone changes",
            "the zone level",
            ZoneChange.class,
            guard.versioned(ZoneChange::validate, z -> z.effectiveFrom, z -> z.effectiveFromMs),
            ZoneChange::key,
            Topics.ZONES,
            new Kind.Csv(
                PolicyCsv.ZONE_COLUMNS, PolicyCsv.ZONE_REQUIRED, PolicyCsv::zone, error -> error),
            false,
            true,
            (z, first) -> version(z.region, z.effectiveFrom, first),
            (where, z) -> Scope.Target.region(where, z.region),
            z -> {},
            z -> {});
    policies =
        new Kind<>(
            "policies",
            "the policy",
            Policy.class,
            guard.versioned(Policy::validate, p -> p.effectiveFrom, p -> p.effectiveFromMs),
            Policy::key,
            Topics.POLICIES,
            new Kind.Csv(
                PolicyCsv.POLICY_COLUMNS,
                PolicyCsv.POLICY_REQUIRED,
                PolicyCsv::policy,
                PolicyCsv::policyColumnName),
            false,
            true,
            (p, first) -> version(p.region, p.effectiveFrom, first),
            (where, p) -> Scope.Target.region(where, p.region),
            p -> {},
            p -> {});
    exposures =
        new Kind<>(
            "exposures",
            "the exposure",
            Exposure.class,
            guard.versioned(Exposure::validate, x -> x.effectiveFrom, x -> x.effectiveFromMs),
            Exposure::key,
            Topics.EXPOSURES,
            null,
            false,
            true,
            (x, first) ->
                "effectiveFrom: unit '"
                    + x.unitId
                    + "' from "
                    + x.effectiveFrom
                    + " is also on "
                    + first,
            (where, x) -> Scope.Target.unit(where, x.unitId, null),
            x -> {},
            x -> {});
    regions =
        new Kind<>(
            "regions",
            "the region",
            Region.class,
            Region::validate,
            r -> r.region,
            Topics.REGIONS,
            null,
            false,
            true,
            (r, first) -> "region: '" + r.region + "' is also on " + first,
            (where, r) -> Scope.Target.region(where, r.region),
            r -> {},
            r -> {});
    rosters =
        new Kind<>(
            "roster rows",
            "the roster row",
            RosterEntry.class,
            guard.roster(),
            RosterEntry::key,
            Topics.ROSTERS,
            new Kind.Csv(ROSTER_COLUMNS, ROSTER_REQUIRED, (row, errors) -> row, error -> error),
            true,
            false,
            (r, first) -> "nip: '" + r.nip + "' on " + r.date + " is also on " + first,
            (where, r) -> Scope.Target.unit(where, r.unitId, null),
            r -> {},
            r -> {});
  }

  private static String version(String region, String effectiveFrom, String first) {
    return "effectiveFrom: region '" + region + "' from " + effectiveFrom + " is also on " + first;
  }

  /** effectiveFrom defaults to the time of the request, written in the unit's own time zone. */
  private static void stampEffectiveFrom(Unit unit, Clock clock) {
    if (unit.effectiveFrom != null) return;
    OffsetDateTime local =
        OffsetDateTime.ofInstant(clock.instant(), ZoneId.of(unit.timeZone))
            .truncatedTo(ChronoUnit.MILLIS);
    unit.setEffectiveFrom(local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}

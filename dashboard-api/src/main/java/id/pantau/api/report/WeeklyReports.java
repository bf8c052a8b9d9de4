package id.pantau.api.report;

import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.api.Horizon;
import id.pantau.api.LocalDates;
import id.pantau.api.TrendReader;
import id.pantau.api.TrendRow;
import id.pantau.api.access.Capability;
import id.pantau.api.access.Permissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The weekly leadership report, free of HTTP: checks the caller and the request, reads the region's
 * daily rollups of the week and the week before through {@link TrendReader}, and adds them up
 * ({@link WeeklyFigures}). Aggregates only: it never names a person.
 */
public final class WeeklyReports {
  private static final int MAX_REGION_LENGTH = 200;

  private final TrendReader trends;
  private final Function<String, Optional<ZoneId>> regionZone;
  private final Clock clock;

  /**
   * @param regionZone the time zone of a region's units when known (else Asia/Jakarta: WIB is the
   *     last of the three zones to finish a week, so the default week has ended everywhere)
   */
  public WeeklyReports(
      TrendReader trends, Function<String, Optional<ZoneId>> regionZone, Clock clock) {
    this.trends = Objects.requireNonNull(trends, "trends");
    this.regionZone = Objects.requireNonNull(regionZone, "regionZone");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The region's report of the ISO week ({@code 2026-W49}; null for the last week that has ended in
   * the region's zone). The region may be left out by a caller who sees exactly one region.
   *
   * @throws ApiException 400 for a bad week or region, 403 for a DEVICE or a region outside the
   *     caller's scope, 404 when the region has no rollup in the week
   */
  public WeeklyReport weekly(Principal caller, String region, String week) {
    Permissions.require(caller, Capability.REPORTS);
    List<String> errors = new ArrayList<>();
    String name = region(caller, region, errors);
    IsoWeek asked = week == null || week.isBlank() ? null : week(week, errors);
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    // A caller sees a region when its token names it or sees everything; naming a unit of it
    // is not enough (the report covers every unit of the region).
    if (!caller.seesEverything() && !caller.regions().contains(name)) {
      throw ApiException.forbidden(
          "region: '" + name + "' is not among the regions this token may see");
    }
    IsoWeek chosen = asked != null ? asked : IsoWeek.lastCompleteOn(today(name));
    List<TrendRow> rows = trends.rows(chosen.previous().monday(), chosen.sunday(), null, name);
    WeeklyReport report = WeeklyFigures.of(name, chosen, rows);
    if (report.thisWeek().empty()) {
      throw ApiException.notFound(
          "region: no daily rollups of '" + name + "' in " + chosen + ": ask for another week");
    }
    return report;
  }

  private String region(Principal caller, String region, List<String> errors) {
    if (region == null || region.isBlank()) {
      if (caller.regions().size() == 1) {
        return caller.regions().iterator().next();
      }
      errors.add("region: required (e.g. region=kota-tangerang) unless the token sees one region");
      return null;
    }
    if (region.length() > MAX_REGION_LENGTH) {
      errors.add("region: must be 1 to 200 characters");
      return null;
    }
    return region;
  }

  private IsoWeek week(String text, List<String> errors) {
    IsoWeek w = IsoWeek.parse(text);
    if (w == null) {
      errors.add("week: must be an ISO week YYYY-Www, e.g. 2026-W49 (weeks 01 to 52 or 53)");
      return null;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), LocalDates.DEFAULT_ZONE);
    IsoWeek first = IsoWeek.of(Horizon.TRENDS.earliest(today));
    IsoWeek last = IsoWeek.of(Horizon.latest(today));
    if (w.monday().isBefore(first.monday()) || w.monday().isAfter(last.monday())) {
      errors.add(
          "week: must be a week from "
              + first
              + " to "
              + last
              + " ("
              + Horizon.TRENDS.kept()
              + "; a week not yet begun has no figures): ask for a week in that range");
      return null;
    }
    return w;
  }

  private LocalDate today(String region) {
    return LocalDate.ofInstant(
        clock.instant(), regionZone.apply(region).orElse(LocalDates.DEFAULT_ZONE));
  }
}

package id.pantau.api;

import id.pantau.access.Principal;
import id.pantau.api.access.Capability;
import id.pantau.api.access.Permissions;
import id.pantau.api.hooks.Hooks;
import id.pantau.api.report.WeeklyReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the dashboard API does, free of HTTP: each method takes the caller and the request's values
 * and either answers or throws an {@link ApiException} with the status and the reasons.
 */
public final class DashboardServices {
  private static final int MAX_UNIT_ID_LENGTH = 200;
  private static final int MAX_REGION_LENGTH = 200;
  private static final Pattern WINDOW = Pattern.compile("ATTENDANCE|LOC[1-9][0-9]?");

  /** The trends' default range: the last 30 local dates, today included. */
  public static final int TREND_DEFAULT_DAYS = 30;

  public static final int TREND_MAX_DAYS = 366;

  private final OccupancyReader occupancy;
  private final OccupancyCache board;
  private final BreachReader breaches;
  private final ComplianceReader compliance;
  private final TrendReader trends;
  private final AlertFeed alerts;
  private final CheckinBook checkins;
  private final Probe kafka;
  private final Probe influxdb;
  private final Clock clock;
  private final Hooks hooks;
  private final WeeklyReports reports;

  public DashboardServices(
      OccupancyReader occupancy,
      OccupancyCache board,
      BreachReader breaches,
      ComplianceReader compliance,
      TrendReader trends,
      AlertFeed alerts,
      CheckinBook checkins,
      Probe kafka,
      Probe influxdb,
      Clock clock,
      Hooks hooks) {
    this.occupancy = Objects.requireNonNull(occupancy, "occupancy");
    this.board = Objects.requireNonNull(board, "board");
    this.breaches = Objects.requireNonNull(breaches, "breaches");
    this.compliance = Objects.requireNonNull(compliance, "compliance");
    this.trends = Objects.requireNonNull(trends, "trends");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.checkins = Objects.requireNonNull(checkins, "checkins");
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.influxdb = Objects.requireNonNull(influxdb, "influxdb");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.reports = new WeeklyReports(trends, checkins::zoneOfRegion, clock);
  }

  /**
   * Every reader over the connection, InfluxDB probed by pinging it; the wall clock; the occupancy
   * of every unit read at most once a {@code occupancyCache} and served, while reading fails, until
   * it is {@code occupancyStale} old.
   */
  public DashboardServices(
      Influx influx,
      AlertFeed alerts,
      CheckinBook checkins,
      Probe kafka,
      Hooks hooks,
      Duration occupancyCache,
      Duration occupancyStale) {
    this(
        new OccupancyReader(influx),
        // A reader of its own: readers are stateless views of the one connection.
        new OccupancyCache(
            zoned(new OccupancyReader(influx), checkins),
            occupancyCache,
            occupancyStale,
            Clock.systemUTC()),
        new BreachReader(influx),
        new ComplianceReader(influx),
        new TrendReader(influx),
        alerts,
        checkins,
        kafka,
        influx::ping,
        Clock.systemUTC(),
        hooks);
  }

  /** Each read of every unit's latest point, with each unit's zone as the book knows it then. */
  private static Supplier<List<OccupancyRow>> zoned(OccupancyReader reader, CheckinBook units) {
    return () ->
        reader.latest().stream()
            .map(r -> r.withZone(units.zoneFor(r.unit(), r.region()).getId()))
            .toList();
  }

  /**
   * Every unit now that the caller may see, sorted by region, then unit; {@code asOf} is when
   * InfluxDB was read ({@link OccupancyCache}: at most a period ago, older while InfluxDB fails).
   */
  public OccupancyAnswer occupancyNow(Principal caller) {
    requireDashboardRole(caller);
    return board.snapshot().answerFor(caller);
  }

  /**
   * The unit's occupancy over a range (each argument null for its default).
   *
   * @throws ApiException 400 for a bad from/to/step, 403 when the caller may not see the unit, 404
   *     when the unit has no data
   */
  public UnitSeries unitSeries(
      Principal caller, String unitId, String from, String to, String step) {
    requireDashboardRole(caller);
    if (unitId == null || unitId.isBlank() || unitId.length() > MAX_UNIT_ID_LENGTH) {
      throw ApiException.badRequest(List.of("unitId: must be 1 to 200 characters"));
    }
    SeriesWindow w =
        SeriesWindow.parse(blankToNull(from), blankToNull(to), blankToNull(step), now());
    Optional<String> region = occupancy.regionOf(unitId);
    // Without data the region is unknown: a scoped caller learns nothing about other units.
    if (!caller.mayView(unitId, region.orElse(null))) {
      throw ApiException.forbidden(
          "unitId: '" + unitId + "' is not among the units this token may see");
    }
    if (region.isEmpty()) {
      throw ApiException.notFound("unitId: no occupancy data for '" + unitId + "'");
    }
    List<SeriesPoint> points = occupancy.series(unitId, w.from(), w.to(), w.step());
    return new UnitSeries(
        unitId,
        region.get(),
        zoneOf(unitId, region.get()),
        w.from().toString(),
        w.to().toString(),
        w.step().literal(),
        points);
  }

  /**
   * The breaches the caller may see that started in the range, newest first (each argument null for
   * its default).
   *
   * @throws ApiException 400 for a bad from/to/open/unit/kind, naming each
   */
  public Breaches breaches(
      Principal caller, String from, String to, String open, String unit, String kind) {
    requireDashboardRole(caller);
    Instant now = now();
    BreachFilter f = BreachFilter.parse(from, to, open, unit, kind, now);
    List<BreachRow> visible = visible(caller, breaches.breaches(f, now));
    return new Breaches(f.from().toString(), f.to().toString(), visible);
  }

  /**
   * Every unit's counts per window on a local date (today in Asia/Jakarta when null): the latest
   * point of each unit and window whose time falls on the date in WIB, WITA or WIT.
   *
   * @throws ApiException 400 for a bad date/unit/window, naming each
   */
  public Compliance compliance(Principal caller, String date, String unit, String window) {
    requireDashboardRole(caller);
    List<String> errors = new ArrayList<>();
    LocalDate today = today(LocalDates.DEFAULT_ZONE);
    LocalDate day = date(Horizon.RAW, "date", date, today, today, errors);
    atMost(MAX_UNIT_ID_LENGTH, "unit", unit, errors);
    if (!blank(window) && !WINDOW.matcher(window.strip()).matches()) {
      errors.add("window: must be ATTENDANCE or LOC1, LOC2 …");
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    List<ComplianceRow> visible =
        visible(
            caller, compliance.rows(day, blankToNull(unit), blank(window) ? null : window.strip()));
    return new Compliance(day.toString(), visible);
  }

  /**
   * The unit's staff on a local date (today in the unit's zone when null), each with the standing
   * of every window and their flags, those needing a follow-up first. Names people: only roles with
   * {@link Capability#PERSONAL_DATA} (BKD admins, unit heads) who may see the unit.
   *
   * @throws ApiException 400 for a bad unitId/date, 403 for another role or unit, 503 while the
   *     book is still loading
   */
  public FollowUps followUps(Principal caller, String unitId, String date) {
    Permissions.require(caller, Capability.PERSONAL_DATA);
    List<String> errors = new ArrayList<>();
    if (unitId == null || unitId.isBlank() || unitId.length() > MAX_UNIT_ID_LENGTH) {
      errors.add("unitId: must be 1 to 200 characters");
    }
    LocalDate day =
        blank(date)
            ? null
            : Horizon.notAhead(
                "date",
                LocalDates.parse("date", date, errors),
                today(LocalDates.DEFAULT_ZONE),
                errors);
    LocalDate oldest = checkins.oldestKept();
    if (day != null && day.isBefore(oldest)) {
      errors.add(
          "date: follow-ups are kept for the last " + checkins.days() + " days, from " + oldest);
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    if (!checkins.loaded()) {
      throw new ApiException(
          503, List.of("checkins: still loading the follow-up record"), Map.of("Retry-After", "5"));
    }
    // Without records the region is the occupancy's; without either, a scoped caller learns
    // nothing about other units.
    Optional<String> region = checkins.regionOf(unitId);
    if (region.isEmpty() && !caller.regions().isEmpty() && !caller.units().contains(unitId)) {
      region = occupancy.regionOf(unitId);
    }
    if (!caller.mayView(unitId, region.orElse(null))) {
      throw ApiException.forbidden(
          "unitId: '" + unitId + "' is not among the units this token may see");
    }
    ZoneId zone = checkins.zoneFor(unitId, region.orElse(null));
    if (day == null) day = today(zone);
    return FollowUps.of(unitId, day, zone, checkins.day(unitId, day));
  }

  /**
   * The daily rollups of the local dates from..to (both included; default the last 30 days up to
   * today in Asia/Jakarta), of one unit or region or all the caller may see.
   *
   * @throws ApiException 400 for a bad from/to/unit/region, naming each
   */
  public Trends trends(Principal caller, String from, String to, String unit, String region) {
    requireDashboardRole(caller);
    List<String> errors = new ArrayList<>();
    LocalDate today = today(LocalDates.DEFAULT_ZONE);
    LocalDate parsedFrom = date(Horizon.TRENDS, "from", from, today, null, errors);
    LocalDate last = date(Horizon.TRENDS, "to", to, today, today, errors);
    LocalDate first =
        !blank(from) ? parsedFrom : last == null ? null : last.minusDays(TREND_DEFAULT_DAYS - 1L);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        errors.add("to: must not be before from");
      } else if (ChronoUnit.DAYS.between(first, last) + 1 > TREND_MAX_DAYS) {
        errors.add("to: must be at most 366 days from from, both included");
      }
    }
    atMost(MAX_UNIT_ID_LENGTH, "unit", unit, errors);
    atMost(MAX_REGION_LENGTH, "region", region, errors);
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    List<TrendRow> visible =
        trends.rows(first, last, blankToNull(unit), blankToNull(region)).stream()
            .filter(r -> caller.mayView(r.unit(), r.region()))
            .toList();
    return new Trends(first.toString(), last.toString(), visible);
  }

  /** The leadership reports over the same daily rollups as {@link #trends}. */
  public WeeklyReports reports() {
    return reports;
  }

  private LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /**
   * The caller's live alerts: those of the units it may see.
   *
   * @throws ApiException 403 for a role that may not read the dashboard
   */
  public AlertStream alertStream(Principal caller) {
    requireDashboardRole(caller);
    return new AlertStream(alerts, a -> caller.mayView(a.unitId, a.region));
  }

  /** The alert webhooks (package {@code hooks}: configured by BKD admins, delivered from Kafka). */
  public Hooks hooks() {
    return hooks;
  }

  /** The rows the caller may see, each with its unit's zone. */
  private <R extends UnitRow<R>> List<R> visible(Principal caller, List<R> rows) {
    return rows.stream()
        .filter(r -> caller.mayView(r.unit(), r.region()))
        .map(r -> r.withZone(zoneOf(r.unit(), r.region())))
        .toList();
  }

  /** The zone a unit's times are shown in ({@link CheckinBook#zoneFor}), as its IANA id. */
  private String zoneOf(String unit, String region) {
    return checkins.zoneFor(unit, region).getId();
  }

  /** The clock's time to the millisecond, as InfluxDB's points carry it. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The unit's region: that of its latest checkin record, else of its occupancy; empty when
   * unknown.
   */
  public Optional<String> regionOf(String unitId) {
    Optional<String> region = checkins.regionOf(unitId);
    return region.isPresent() ? region : occupancy.regionOf(unitId);
  }

  /** Whether Kafka and InfluxDB answer now, and how old the occupancy served is. */
  public Health health() {
    boolean influxUp = safely(influxdb);
    boolean kafkaUp = safely(kafka);
    Instant now = now();
    return Health.of(
        kafkaUp, influxUp, board.readAt().map(at -> Health.Occupancy.of(at, now)).orElse(null));
  }

  /** Devices post events to ingest; reading the dashboard is for people's roles. */
  private static void requireDashboardRole(Principal caller) {
    Permissions.require(caller, Capability.AGGREGATES);
  }

  private static boolean safely(Probe probe) {
    try {
      return probe.up();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The date a parameter names within the horizon; {@code absent} when it is blank. */
  private static LocalDate date(
      Horizon horizon,
      String field,
      String text,
      LocalDate today,
      LocalDate absent,
      List<String> errors) {
    if (blank(text)) return absent;
    return horizon.check(field, LocalDates.parse(field, text, errors), today, errors);
  }

  /** A filter parameter, when given, of at most {@code max} characters. */
  private static void atMost(int max, String field, String value, List<String> errors) {
    if (!blank(value) && value.length() > max) {
      errors.add(field + ": must be 1 to " + max + " characters");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

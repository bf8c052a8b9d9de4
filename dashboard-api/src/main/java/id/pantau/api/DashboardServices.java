package id.pantau.api;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dashboard API does, free of HTTP: each method takes the caller and the request's values
 * and either answers or throws an {@link ApiException} with the status and the reasons.
 */
public final class DashboardServices {
  private static final int MAX_UNIT_ID_LENGTH = 200;

  private final OccupancyReader occupancy;
  private final BreachReader breaches;
  private final AlertFeed alerts;
  private final Probe kafka;
  private final Probe influxdb;
  private final Clock clock;

  public DashboardServices(
      OccupancyReader occupancy,
      BreachReader breaches,
      AlertFeed alerts,
      Probe kafka,
      Probe influxdb,
      Clock clock) {
    this.occupancy = Objects.requireNonNull(occupancy, "occupancy");
    this.breaches = Objects.requireNonNull(breaches, "breaches");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.influxdb = Objects.requireNonNull(influxdb, "influxdb");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Both readers over the connection, InfluxDB probed by pinging it; the wall clock. */
  public DashboardServices(Influx influx, AlertFeed alerts, Probe kafka) {
    this(
        new OccupancyReader(influx),
        new BreachReader(influx),
        alerts,
        kafka,
        influx::ping,
        Clock.systemUTC());
  }

  /** Every unit now that the caller may see, sorted by region, then unit. */
  public OccupancyNow occupancyNow(Principal caller) {
    requireDashboardRole(caller);
    String asOf = now().toString();
    List<OccupancyRow> visible =
        occupancy.latest().stream().filter(r -> caller.mayView(r.unit(), r.region())).toList();
    return new OccupancyNow(asOf, visible);
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
        unitId, region.get(), w.from().toString(), w.to().toString(), w.step().literal(), points);
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
    List<Breach> visible =
        breaches.breaches(f, now).stream()
            .filter(b -> caller.mayView(b.unit(), b.region()))
            .toList();
    return new Breaches(f.from().toString(), f.to().toString(), visible);
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

  /** The clock's time to the millisecond, as InfluxDB's points carry it. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Whether Kafka and InfluxDB answer now. */
  public Health health() {
    boolean influxUp = safely(influxdb);
    boolean kafkaUp = safely(kafka);
    return Health.of(kafkaUp, influxUp);
  }

  /** Devices post events to ingest; reading the dashboard is for people's roles. */
  private static void requireDashboardRole(Principal caller) {
    if (caller.role() == Role.DEVICE) {
      throw ApiException.forbidden("role: a DEVICE token may not read the dashboard");
    }
  }

  private static boolean safely(Probe probe) {
    try {
      return probe.up();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

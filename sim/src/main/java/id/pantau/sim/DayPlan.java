package id.pantau.sim;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.Source;
import id.pantau.events.WorkMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One day of the simulated city: who works from the office and who from home, when each checks in
 * and out, and the location pings of WFH staff, as time-ordered events. Deterministic: the same
 * city seed and date always give the same plan, event ids included, so re-sending a day is
 * idempotent downstream.
 *
 * <p>The date is the local date of each region: the plan for 2026-11-23 holds Tangerang's
 * 2026-11-23 in WIB, Makassar's in WITA and Jayapura's in WIT.
 */
public final class DayPlan {
  private static final long DAY_SALT = 0x4441594CL;
  private static final long LOCATION_SALT = 0x4C4F4341L;
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final Comparator<Planned> ORDER =
      Comparator.comparing(Planned::at).thenComparing(Planned::eventId);

  private final City city;
  private final LocalDate date;
  private final List<Assignment> assignments;
  private final Map<String, Assignment> byNip = new LinkedHashMap<>();
  private final List<Planned> events;
  private final Map<String, List<Planned>> byRegion = new LinkedHashMap<>();

  private DayPlan(City city, LocalDate date) {
    this.city = city;
    this.date = date;
    long seed = city.seed();
    long day = date.toEpochDay();
    boolean weekendOff =
        !city.config().workWeekends()
            && (date.getDayOfWeek() == DayOfWeek.SATURDAY
                || date.getDayOfWeek() == DayOfWeek.SUNDAY);

    List<Assignment> as = new ArrayList<>(city.staffCount());
    Map<String, List<Planned>> regionEvents = new LinkedHashMap<>();
    for (Region region : city.regions()) regionEvents.put(region.id(), new ArrayList<>());

    for (CityUnit unit : city.units()) {
      List<Employee> staff = city.staff(unit.unitId());
      int n = staff.size();
      Rng unitRng = Rng.of(seed, DAY_SALT, day, Rng.hash(unit.unitId()));
      int wfo = officeCount(unit, n, weekendOff, unitRng);
      // Rotating piket: a fresh draw of who is in the office, every day (Tangsel 000).
      List<Integer> order = new ArrayList<>(n);
      for (int i = 0; i < n; i++) order.add(i);
      for (int i = n - 1; i > 0; i--) Collections.swap(order, i, unitRng.nextInt(i + 1));
      boolean[] inOffice = new boolean[n];
      for (int i = 0; i < wfo; i++) inOffice[order.get(i)] = true;

      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        WorkMode mode = inOffice[i] ? WorkMode.WFO : weekendOff ? null : WorkMode.WFH;
        Assignment a = assign(e, unit, mode, Rng.of(seed, DAY_SALT, day, Rng.hash(e.nip())));
        as.add(a);
        byNip.put(e.nip(), a);
        events(a, unit, Rng.of(seed, LOCATION_SALT, day, Rng.hash(e.nip())), regionEvents);
      }
    }
    this.assignments = List.copyOf(as);

    List<Planned> all = new ArrayList<>();
    for (Map.Entry<String, List<Planned>> e : regionEvents.entrySet()) {
      List<Planned> list = e.getValue();
      list.sort(ORDER);
      byRegion.put(e.getKey(), List.copyOf(list));
      all.addAll(list);
    }
    all.sort(ORDER);
    this.events = List.copyOf(all);
  }

  /** The plan of {@code date} (each region's local date) for {@code city}. */
  public static DayPlan of(City city, LocalDate date) {
    return new DayPlan(city, date);
  }

  public City city() {
    return city;
  }

  public LocalDate date() {
    return date;
  }

  /** Every event of the day in all regions, ordered by instant (then event id). */
  public List<Planned> events() {
    return events;
  }

  /** The events of one region, ordered by instant (then event id). */
  public List<Planned> events(String regionId) {
    List<Planned> list = byRegion.get(regionId);
    if (list == null) throw new IllegalArgumentException("no region " + regionId);
    return list;
  }

  /** What every employee does today, in the city's unit and staff order. */
  public List<Assignment> assignments() {
    return assignments;
  }

  public Assignment assignment(String nip) {
    Assignment a = byNip.get(nip);
    if (a == null) throw new IllegalArgumentException("no employee " + nip);
    return a;
  }

  // ---------------------------------------------------------------------------------------------

  /** How many of the unit's staff are rostered in the office today. */
  private static int officeCount(CityUnit unit, int n, boolean weekendOff, Rng r) {
    if (weekendOff) {
      return unit.essential() ? Math.min(n, unit.minPresent() + r.between(1, 3)) : 0;
    }
    // Heads of units roster around the cap of the zone, some a little over it.
    double share = unit.region().level().wfoCapPercent() / 100.0 * r.uniform(0.82, 1.05);
    int wfo = (int) Math.round(n * share);
    if (unit.essential()) {
      // Essential services keep a margin above their floor, so a few absences do not break it.
      wfo = Math.max(wfo, unit.minPresent() + (int) Math.ceil(0.1 * n));
    }
    return Math.min(wfo, n);
  }

  private Assignment assign(Employee e, CityUnit unit, WorkMode mode, Rng r) {
    if (mode == null) return new Assignment(e, null, null, null, List.of(), false);
    if (r.chance(Curves.NO_CHECK_IN)) return new Assignment(e, mode, null, null, List.of(), false);
    int in = Curves.arrivalSecond(r, e.arrivalBiasMin());
    int out = r.chance(Curves.FORGETS_CHECK_OUT) ? -1 : Curves.departureSecond(r);
    List<Assignment.Ping> pings = new ArrayList<>(3);
    boolean away = false;
    if (mode == WorkMode.WFH) {
      away = r.chance(Curves.AWAY_FROM_REGION);
      for (int w = 0; w < Curves.LOCATION_WINDOWS.length; w++) {
        int s = Curves.pingSecond(r, w, e.diligence(), in);
        if (s >= 0) pings.add(new Assignment.Ping(w + 1, instant(unit, s)));
      }
    }
    return new Assignment(
        e, mode, instant(unit, in), out < 0 ? null : instant(unit, out), List.copyOf(pings), away);
  }

  private void events(Assignment a, CityUnit unit, Rng r, Map<String, List<Planned>> regionEvents) {
    if (!a.checkedIn()) return;
    Employee e = a.employee();
    List<Planned> out = regionEvents.get(unit.region().id());
    String region = unit.region().id();
    // Where the phone is while working from home today: home, or somewhere outside the region.
    double[] base = {e.homeLat(), e.homeLon()};
    if (a.awayFromRegion()) {
      base =
          Geo.offset(
              e.homeLat(), e.homeLon(), r.uniform(55_000, 110_000), r.uniform(0, 2 * Math.PI));
    }
    out.add(Planned.of(a.checkIn(), region, attendance(a, unit, Action.CHECK_IN, r, base)));
    if (a.checkOut() != null) {
      out.add(Planned.of(a.checkOut(), region, attendance(a, unit, Action.CHECK_OUT, r, base)));
    }
    for (Assignment.Ping p : a.pings()) {
      LocationPing ping = new LocationPing();
      ping.eventId = eventId(e, "loc" + p.window());
      ping.nip = e.nip();
      ping.unitId = unit.unitId();
      ping.setTime(wireTime(unit, p.at()));
      ping.location = homeFix(base, r);
      ping.deviceId = e.deviceId();
      out.add(Planned.of(p.at(), region, ping));
    }
  }

  private AttendanceEvent attendance(
      Assignment a, CityUnit unit, Action action, Rng r, double[] home) {
    Employee e = a.employee();
    AttendanceEvent ev = new AttendanceEvent();
    ev.eventId = eventId(e, action == Action.CHECK_IN ? "check-in" : "check-out");
    ev.nip = e.nip();
    ev.unitId = unit.unitId();
    ev.action = action;
    ev.mode = a.mode();
    ev.setTime(wireTime(unit, action == Action.CHECK_IN ? a.checkIn() : a.checkOut()));
    ev.location = a.mode() == WorkMode.WFO ? officeFix(unit, r) : homeFix(home, r);
    ev.deviceId = e.deviceId();
    ev.source = Source.APP;
    return ev;
  }

  /** A fix inside the office circle (within 70 % of its radius), accuracy 5–25 m. */
  private static GeoFix officeFix(CityUnit unit, Rng r) {
    double d = unit.radiusM() * 0.7 * Math.sqrt(r.nextDouble());
    double[] p = Geo.offset(unit.lat(), unit.lon(), d, r.uniform(0, 2 * Math.PI));
    return new GeoFix(
        Geo.round6(p[0]), Geo.round6(p[1]), Math.round(r.uniform(5, 25) * 10) / 10.0, false);
  }

  /** A fix within 25 m of the base point (home), accuracy 8–40 m. */
  private static GeoFix homeFix(double[] base, Rng r) {
    double[] p = Geo.offset(base[0], base[1], r.uniform(0, 25), r.uniform(0, 2 * Math.PI));
    return new GeoFix(
        Geo.round6(p[0]), Geo.round6(p[1]), Math.round(r.uniform(8, 40) * 10) / 10.0, false);
  }

  private String eventId(Employee e, String kind) {
    String key = "pantau-sim|" + city.seed() + "|" + e.nip() + "|" + date + "|" + kind;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Instant instant(CityUnit unit, int secondOfDay) {
    return LocalDateTime.of(date, Curves.time(secondOfDay)).atZone(unit.zone()).toInstant();
  }

  private static String wireTime(CityUnit unit, Instant at) {
    return ZonedDateTime.ofInstant(at, unit.zone()).format(WIRE_TIME);
  }
}

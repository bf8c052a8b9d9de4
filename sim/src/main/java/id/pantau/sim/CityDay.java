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
import java.util.function.IntToDoubleFunction;

/**
 * One day of the simulated city: who works from the office and who from home, when each checks in
 * and out, and the location pings of WFH staff, as time-ordered events. Deterministic: the same
 * city seed and date always give the same plan, event ids included, so re-sending a day is
 * idempotent downstream.
 *
 * <p>The date is the local date of each region: the plan for 2026-11-23 holds Tangerang's
 * 2026-11-23 in WIB, Makassar's in WITA and Jayapura's in WIT.
 */
public final class CityDay {
  private static final long DAY_SALT = 0x4441594CL;
  private static final long LOCATION_SALT = 0x4C4F4341L;
  private static final long SHIFT_SALT = 0x53484654L;
  private static final long FIELD_SALT = 0x46494C44L;
  private static final int SECONDS_PER_DAY = 24 * 60 * 60;

  /** The afternoon crew checks out before this (23:50), so its day ends before midnight. */
  private static final int LATEST_AFTERNOON_OUT = (23 * 60 + 50) * 60;

  /** No field trip starts within 15 minutes of arriving or ends within 15 of leaving. */
  private static final int TRIP_MARGIN = 15 * 60;

  /** At least 10 minutes in the office between two field trips of one person. */
  private static final int TRIP_GAP = 10 * 60;

  /** How much a team member's check-out and check-in may lag the team's, seconds. */
  private static final int TRIP_JITTER = 240;

  /** Mean minutes beyond the shortest trip: calls and patrols of shift crews, field visits. */
  private static final double SHIFT_TRIP_EXTRA_MIN = 20;

  private static final double OFFICE_TRIP_EXTRA_MIN = 40;
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

  private CityDay(City city, LocalDate date) {
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
      // Office-hours staff: a rotating piket of who is in the office, every day (Tangsel 000).
      List<Integer> order = new ArrayList<>(n);
      int morningCrew = 0;
      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        if (!e.onRota()) order.add(i);
        else if (Shift.ofCrew(e.crew(), day) == Shift.MORNING) morningCrew++;
      }
      int wfo = officeCount(unit, order.size(), n, morningCrew, weekendOff, unitRng);
      for (int i = order.size() - 1; i > 0; i--) {
        Collections.swap(order, i, unitRng.nextInt(i + 1));
      }
      boolean[] inOffice = new boolean[n];
      for (int i = 0; i < wfo; i++) inOffice[order.get(i)] = true;

      Draft[] drafts = new Draft[n];
      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        if (e.onRota()) {
          drafts[i] = rota(e, day);
        } else {
          WorkMode mode = inOffice[i] ? WorkMode.WFO : weekendOff ? null : WorkMode.WFH;
          drafts[i] = office(e, mode, Rng.of(seed, DAY_SALT, day, Rng.hash(e.nip())));
        }
      }
      fieldTrips(unit, drafts, Rng.of(seed, FIELD_SALT, day, Rng.hash(unit.unitId())));
      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        Assignment a = assignment(drafts[i]);
        as.add(a);
        byNip.put(e.nip(), a);
        events(
            a, drafts[i], unit, Rng.of(seed, LOCATION_SALT, day, Rng.hash(e.nip())), regionEvents);
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
  public static CityDay of(City city, LocalDate date) {
    return new CityDay(city, date);
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

  /**
   * How many of the unit's office-hours staff are rostered in the office today. The morning crew of
   * a round-the-clock unit counts towards its floor.
   */
  private static int officeCount(
      CityUnit unit, int nOffice, int n, int morningCrew, boolean weekendOff, Rng r) {
    if (weekendOff) {
      if (!unit.essential()) return 0;
      return clamp(unit.minPresent() + r.between(1, 3) - morningCrew, 0, nOffice);
    }
    // Heads of units roster around the cap of the zone, some a little over it.
    double share = unit.region().level().wfoCapPercent() / 100.0 * r.uniform(0.82, 1.05);
    int wfo = (int) Math.round(nOffice * share);
    if (unit.essential()) {
      // Essential services keep a margin above their floor, so a few absences do not break it.
      wfo = Math.max(wfo, unit.minPresent() + (int) Math.ceil(0.1 * n) - morningCrew);
    }
    return clamp(wfo, 0, nOffice);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /**
   * What one employee does today while the plan is drawn up; seconds after local midnight of the
   * plan's date unless said otherwise, -1 for none.
   */
  private static final class Draft {
    final Employee employee;
    WorkMode mode;
    Shift shift;
    int in = -1;
    int out = -1; // the check-out sent; for a night shift, seconds after the next midnight
    List<Assignment.Ping> pings = List.of();
    boolean away;
    int resume = -1; // the fresh check-in after midnight of last night's shift
    int overnightOut = -1;
    int stayFrom = -1; // in the office (as far as field trips go) from here …
    int stayTo = -1; // … until here
    final List<int[]> trips = new ArrayList<>(2);

    Draft(Employee employee) {
      this.employee = employee;
    }

    boolean stays() {
      return stayFrom >= 0;
    }

    boolean outOnTrip(int s) {
      for (int[] t : trips) if (s >= t[0] && s < t[1]) return true;
      return false;
    }

    /** Whether a trip from {@code o} to {@code b} fits into the stay, apart from other trips. */
    boolean fits(int o, int b) {
      if (o < stayFrom + TRIP_MARGIN || b > stayTo - TRIP_MARGIN) return false;
      if (o < TRIP_MARGIN || b > SECONDS_PER_DAY - TRIP_MARGIN) return false;
      for (int[] t : trips) {
        if (b + TRIP_GAP > t[0] && t[1] + TRIP_GAP > o) return false;
      }
      return true;
    }
  }

  /**
   * One shift: check-in and check-out in seconds after the local midnight of the day it begins (for
   * a night shift the check-out counts from the next midnight), and the fresh check-in just after
   * midnight of a night shift.
   */
  private record Stint(boolean noShow, int in, int out, boolean forgets, int resume) {}

  /** The shift {@code s} of employee {@code e} that begins on local date {@code epochDay}. */
  private Stint stint(Employee e, Shift s, long epochDay) {
    Rng r = Rng.of(city.seed(), SHIFT_SALT, epochDay, Rng.hash(e.nip()));
    boolean noShow = r.chance(Curves.NO_CHECK_IN);
    int in = Curves.shiftStartSecond(r, s.start().toSecondOfDay());
    // The afternoon crew leaves before midnight; the others at most an hour after their end.
    int latest = s == Shift.AFTERNOON ? LATEST_AFTERNOON_OUT : s.end().toSecondOfDay() + 60 * 60;
    int out = Curves.shiftEndSecond(r, s.end().toSecondOfDay(), latest);
    boolean forgets = r.chance(Curves.FORGETS_CHECK_OUT);
    int resume = r.between(1, 9);
    return new Stint(noShow, in, out, forgets, resume);
  }

  /** A member of a shift crew: today's shift (if any) and the tail of last night's. */
  private Draft rota(Employee e, long day) {
    Draft d = new Draft(e);
    Shift s = Shift.ofCrew(e.crew(), day);
    if (s != null) {
      d.mode = WorkMode.WFO;
      d.shift = s;
      Stint st = stint(e, s, day);
      if (!st.noShow()) {
        d.in = st.in();
        d.out = st.forgets() ? -1 : st.out();
        d.stayFrom = st.in();
        d.stayTo = s.crossesMidnight() ? SECONDS_PER_DAY : st.out();
      }
    }
    if (Shift.ofCrew(e.crew(), day - 1) == Shift.NIGHT) {
      // Today is this crew's day off, after the night that began yesterday at 23:00.
      Stint st = stint(e, Shift.NIGHT, day - 1);
      if (!st.noShow()) {
        d.resume = st.resume();
        d.overnightOut = st.forgets() ? -1 : st.out();
        d.stayFrom = st.resume();
        d.stayTo = st.out();
      }
    }
    return d;
  }

  /** Office-hours staff: arrival, departure and, from home, the three location pings. */
  private Draft office(Employee e, WorkMode mode, Rng r) {
    Draft d = new Draft(e);
    d.mode = mode;
    if (mode == null) return d;
    d.shift = Shift.OFFICE;
    if (r.chance(Curves.NO_CHECK_IN)) return d;
    d.in = Curves.arrivalSecond(r, e.arrivalBiasMin());
    boolean forgets = r.chance(Curves.FORGETS_CHECK_OUT);
    int leaves = Curves.departureSecond(r);
    d.out = forgets ? -1 : leaves;
    if (mode == WorkMode.WFO) {
      d.stayFrom = d.in;
      d.stayTo = leaves;
    } else {
      List<Assignment.Ping> pings = new ArrayList<>(3);
      d.away = r.chance(Curves.AWAY_FROM_REGION);
      for (int w = 0; w < Curves.LOCATION_WINDOWS.length; w++) {
        int s = Curves.pingSecond(r, w, e.diligence(), d.in);
        if (s >= 0) pings.add(new Assignment.Ping(w + 1, instant(e, date, s)));
      }
      d.pings = List.copyOf(pings);
    }
    return d;
  }

  /**
   * Field duty: teams leave the office and come back 20–120 minutes later. Departures follow a
   * Poisson process whose rate is, at each moment, the trip rate per person (by unit, shift or
   * office hours, and hour of day) times the number of its staff in the office, divided by the mean
   * team size; drawn by thinning a process at the highest rate.
   */
  private static void fieldTrips(CityUnit unit, Draft[] drafts, Rng r) {
    Duty duty = unit.duty();
    trips(
        drafts,
        true,
        duty,
        duty.shiftTripsPerHour(),
        Curves.MAX_SHIFT_TRIP_FACTOR,
        Curves::shiftTripFactor,
        SHIFT_TRIP_EXTRA_MIN,
        r);
    trips(
        drafts,
        false,
        duty,
        duty.officeTripsPerHour(),
        Curves.MAX_OFFICE_TRIP_FACTOR,
        Curves::officeTripFactor,
        OFFICE_TRIP_EXTRA_MIN,
        r);
    for (Draft d : drafts) d.trips.sort(Comparator.comparingInt(t -> t[0]));
  }

  private static void trips(
      Draft[] drafts,
      boolean rota,
      Duty duty,
      double perHour,
      double maxFactor,
      IntToDoubleFunction factor,
      double extraMin,
      Rng r) {
    List<Draft> group = new ArrayList<>();
    for (Draft d : drafts) if (d.stays() && d.employee.onRota() == rota) group.add(d);
    if (perHour <= 0 || group.isEmpty()) return;
    double team = duty.meanTeam();
    double maxRate = perHour * maxFactor * group.size() / team; // departures per hour, at most
    List<Draft> present = new ArrayList<>(group.size());
    double t = 0;
    while (true) {
      t += r.exponential(3600.0 / maxRate);
      if (t >= SECONDS_PER_DAY) return;
      int s = (int) t;
      present.clear();
      for (Draft d : group) {
        if (s >= d.stayFrom && s < d.stayTo && !d.outOnTrip(s)) present.add(d);
      }
      double rate = perHour * factor.applyAsDouble(s / 3600) * present.size() / team;
      if (!r.chance(rate / maxRate)) continue;
      int k = r.between(duty.teamMin(), duty.teamMax());
      int length = Curves.tripSeconds(r, extraMin, TRIP_JITTER);
      // The first k of the present (in a fresh random order) for whom the trip fits go.
      for (int i = present.size() - 1; i > 0; i--) Collections.swap(present, i, r.nextInt(i + 1));
      int taken = 0;
      for (Draft d : present) {
        if (taken == k) break;
        int o = s + r.nextInt(TRIP_JITTER + 1);
        int b = s + length + r.nextInt(TRIP_JITTER + 1);
        if (d.fits(o, b)) {
          d.trips.add(new int[] {o, b});
          taken++;
        }
      }
    }
  }

  private Assignment assignment(Draft d) {
    Employee e = d.employee;
    LocalDate outDate = d.shift == Shift.NIGHT ? date.plusDays(1) : date;
    Assignment.Overnight overnight =
        d.resume < 0
            ? null
            : new Assignment.Overnight(
                instant(e, date, d.resume),
                d.overnightOut < 0 ? null : instant(e, date, d.overnightOut));
    List<Assignment.FieldTrip> trips = new ArrayList<>(d.trips.size());
    for (int[] t : d.trips) {
      trips.add(new Assignment.FieldTrip(instant(e, date, t[0]), instant(e, date, t[1])));
    }
    return new Assignment(
        e,
        d.mode,
        d.shift,
        d.in < 0 ? null : instant(e, date, d.in),
        d.in < 0 || d.out < 0 ? null : instant(e, outDate, d.out),
        d.pings,
        d.away,
        overnight,
        List.copyOf(trips));
  }

  private void events(
      Assignment a, Draft d, CityUnit unit, Rng r, Map<String, List<Planned>> regionEvents) {
    Employee e = a.employee();
    List<Planned> out = regionEvents.get(unit.region().id());
    String region = unit.region().id();
    if (a.checkedIn()) {
      // Where the phone is while working from home today: home, or somewhere outside the region.
      double[] base = {e.homeLat(), e.homeLon()};
      if (a.awayFromRegion()) {
        base =
            Geo.offset(
                e.homeLat(), e.homeLon(), r.uniform(55_000, 110_000), r.uniform(0, 2 * Math.PI));
      }
      out.add(
          attendance(e, unit, Action.CHECK_IN, a.mode(), a.checkIn(), "check-in", region, r, base));
      // A night shift's check-out comes with the next date's plan (see Assignment.overnight).
      if (a.checkOut() != null && a.shift() != Shift.NIGHT) {
        out.add(
            attendance(
                e, unit, Action.CHECK_OUT, a.mode(), a.checkOut(), "check-out", region, r, base));
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
    Assignment.Overnight night = a.overnight();
    if (night != null) {
      out.add(
          attendance(
              e,
              unit,
              Action.CHECK_IN,
              WorkMode.WFO,
              night.resumeAt(),
              "night-resume",
              region,
              r,
              null));
      if (night.checkOut() != null) {
        out.add(
            attendance(
                e,
                unit,
                Action.CHECK_OUT,
                WorkMode.WFO,
                night.checkOut(),
                "night-check-out",
                region,
                r,
                null));
      }
    }
    int n = 0;
    for (Assignment.FieldTrip f : a.fieldTrips()) {
      n++;
      out.add(
          attendance(
              e,
              unit,
              Action.CHECK_OUT,
              WorkMode.WFO,
              f.out(),
              "trip" + n + "-out",
              region,
              r,
              null));
      out.add(
          attendance(
              e,
              unit,
              Action.CHECK_IN,
              WorkMode.WFO,
              f.back(),
              "trip" + n + "-in",
              region,
              r,
              null));
    }
  }

  private Planned attendance(
      Employee e,
      CityUnit unit,
      Action action,
      WorkMode mode,
      Instant at,
      String kind,
      String region,
      Rng r,
      double[] home) {
    AttendanceEvent ev = new AttendanceEvent();
    ev.eventId = eventId(e, kind);
    ev.nip = e.nip();
    ev.unitId = unit.unitId();
    ev.action = action;
    ev.mode = mode;
    ev.setTime(wireTime(unit, at));
    ev.location = mode == WorkMode.WFO ? officeFix(unit, r) : homeFix(home, r);
    ev.deviceId = e.deviceId();
    ev.source = Source.APP;
    return Planned.of(at, region, ev);
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

  private Instant instant(Employee e, LocalDate on, int secondOfDay) {
    return LocalDateTime.of(on, Curves.time(secondOfDay))
        .atZone(city.region(e.regionId()).zone())
        .toInstant();
  }

  private static String wireTime(CityUnit unit, Instant at) {
    return ZonedDateTime.ofInstant(at, unit.zone()).format(WIRE_TIME);
  }
}

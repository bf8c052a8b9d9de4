package id.pantau.sim;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.Source;
import id.pantau.events.WorkMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The events an {@link Assignment} makes, as the employee's phone sends them: attendance with a fix
 * in the office circle (WFO) or near home (WFH), the WFH location pings, last night's shift's fresh
 * check-in and check-out, the field trips. Event ids are name-based UUIDs of seed, NIP, date and
 * kind, so the same day always has the same ids.
 */
final class PlannedEvents {
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final long seed;
  private final LocalDate date;

  /** The events of the city of {@code seed} on local date {@code date}. */
  PlannedEvents(long seed, LocalDate date) {
    this.seed = seed;
    this.date = date;
  }

  /** Adds the events of {@code a}, an employee of {@code unit}, to {@code out}. */
  void add(Assignment a, CityUnit unit, Rng r, List<Planned> out) {
    Employee e = a.employee();
    String region = unit.region().id();
    if (a.checkedIn()) {
      // Where the phone is while working from home today: home, or somewhere outside the region.
      double[] base = {e.homeLat(), e.homeLon()};
      if (a.awayFromRegion()) {
        base =
            Coordinates.offset(
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
    double[] p = Coordinates.offset(unit.lat(), unit.lon(), d, r.uniform(0, 2 * Math.PI));
    return new GeoFix(
        Coordinates.round6(p[0]),
        Coordinates.round6(p[1]),
        Math.round(r.uniform(5, 25) * 10) / 10.0,
        false);
  }

  /** A fix within 25 m of the base point (home), accuracy 8–40 m. */
  private static GeoFix homeFix(double[] base, Rng r) {
    double[] p = Coordinates.offset(base[0], base[1], r.uniform(0, 25), r.uniform(0, 2 * Math.PI));
    return new GeoFix(
        Coordinates.round6(p[0]),
        Coordinates.round6(p[1]),
        Math.round(r.uniform(8, 40) * 10) / 10.0,
        false);
  }

  private String eventId(Employee e, String kind) {
    String key = "pantau-sim|" + seed + "|" + e.nip() + "|" + date + "|" + kind;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String wireTime(CityUnit unit, Instant at) {
    return ZonedDateTime.ofInstant(at, unit.zone()).format(WIRE_TIME);
  }
}

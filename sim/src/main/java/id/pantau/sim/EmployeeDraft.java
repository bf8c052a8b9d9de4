package id.pantau.sim;

import id.pantau.events.WorkMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What one employee does on a day while the {@link CityDay} is drawn up: rostered mode and shift,
 * check-in and check-out, WFH pings, last night's shift's tail and the stay in the office that
 * {@link FieldTrips} may interrupt. Seconds after local midnight of the day unless said otherwise,
 * -1 for none. {@link #assignment} turns it into the day's {@link Assignment}.
 */
final class EmployeeDraft {
  static final int SECONDS_PER_DAY = 24 * 60 * 60;

  private static final long SHIFT_SALT = 0x53484654L;

  /** The afternoon crew checks out before this (23:50), so its day ends before midnight. */
  private static final int LATEST_AFTERNOON_OUT = (23 * 60 + 50) * 60;

  /** No field trip starts within 15 minutes of arriving or ends within 15 of leaving. */
  private static final int TRIP_MARGIN = 15 * 60;

  /** At least 10 minutes in the office between two field trips of one person. */
  private static final int TRIP_GAP = 10 * 60;

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

  private EmployeeDraft(Employee employee) {
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

  /**
   * One shift: check-in and check-out in seconds after the local midnight of the day it begins (for
   * a night shift the check-out counts from the next midnight), and the fresh check-in just after
   * midnight of a night shift.
   */
  private record Stint(boolean noShow, int in, int out, boolean forgets, int resume) {}

  /** The shift {@code s} of employee {@code e} that begins on local date {@code epochDay}. */
  private static Stint stint(long seed, Employee e, Shift s, long epochDay) {
    Rng r = Rng.of(seed, SHIFT_SALT, epochDay, Rng.hash(e.nip()));
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
  static EmployeeDraft rota(long seed, Employee e, long day) {
    EmployeeDraft d = new EmployeeDraft(e);
    Shift s = Shift.ofCrew(e.crew(), day);
    if (s != null) {
      d.mode = WorkMode.WFO;
      d.shift = s;
      Stint st = stint(seed, e, s, day);
      if (!st.noShow()) {
        d.in = st.in();
        d.out = st.forgets() ? -1 : st.out();
        d.stayFrom = st.in();
        d.stayTo = s.crossesMidnight() ? SECONDS_PER_DAY : st.out();
      }
    }
    if (Shift.ofCrew(e.crew(), day - 1) == Shift.NIGHT) {
      // Today is this crew's day off, after the night that began yesterday at 23:00.
      Stint st = stint(seed, e, Shift.NIGHT, day - 1);
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
  static EmployeeDraft office(City city, LocalDate date, Employee e, WorkMode mode, Rng r) {
    EmployeeDraft d = new EmployeeDraft(e);
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
        if (s >= 0) pings.add(new Assignment.Ping(w + 1, instant(city, e, date, s)));
      }
      d.pings = List.copyOf(pings);
    }
    return d;
  }

  /** The employee's day on {@code date} as drafted. */
  Assignment assignment(City city, LocalDate date) {
    Employee e = employee;
    LocalDate outDate = shift == Shift.NIGHT ? date.plusDays(1) : date;
    Assignment.Overnight overnight =
        resume < 0
            ? null
            : new Assignment.Overnight(
                instant(city, e, date, resume),
                overnightOut < 0 ? null : instant(city, e, date, overnightOut));
    List<Assignment.FieldTrip> fieldTrips = new ArrayList<>(trips.size());
    for (int[] t : trips) {
      fieldTrips.add(
          new Assignment.FieldTrip(instant(city, e, date, t[0]), instant(city, e, date, t[1])));
    }
    return new Assignment(
        e,
        mode,
        shift,
        in < 0 ? null : instant(city, e, date, in),
        in < 0 || out < 0 ? null : instant(city, e, outDate, out),
        pings,
        away,
        overnight,
        List.copyOf(fieldTrips));
  }

  private static Instant instant(City city, Employee e, LocalDate on, int secondOfDay) {
    return LocalDateTime.of(on, Curves.time(secondOfDay))
        .atZone(city.region(e.regionId()).zone())
        .toInstant();
  }
}

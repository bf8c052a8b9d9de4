package id.pantau.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Field duty: teams leave the office and come back 20–120 minutes later. Departures follow a
 * Poisson process whose rate is, at each moment, the trip rate per person (by unit, shift or office
 * hours, and hour of day) times the number of its staff in the office, divided by the mean team
 * size; drawn by thinning a process at the highest rate.
 */
final class FieldTrips {
  /** How much a team member's check-out and check-in may lag the team's, seconds. */
  private static final int TRIP_JITTER = 240;

  /** Mean minutes beyond the shortest trip: calls and patrols of shift crews, field visits. */
  private static final double SHIFT_TRIP_EXTRA_MIN = 20;

  private static final double OFFICE_TRIP_EXTRA_MIN = 40;

  private FieldTrips() {}

  /** Adds the unit's field trips of the day to its staff's drafts, each draft's in time order. */
  static void plan(CityUnit unit, EmployeeDraft[] drafts, Rng r) {
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
    for (EmployeeDraft d : drafts) d.trips.sort(Comparator.comparingInt(t -> t[0]));
  }

  private static void trips(
      EmployeeDraft[] drafts,
      boolean rota,
      Duty duty,
      double perHour,
      double maxFactor,
      IntToDoubleFunction factor,
      double extraMin,
      Rng r) {
    List<EmployeeDraft> group = new ArrayList<>();
    for (EmployeeDraft d : drafts) if (d.stays() && d.employee.onRota() == rota) group.add(d);
    if (perHour <= 0 || group.isEmpty()) return;
    double team = duty.meanTeam();
    double maxRate = perHour * maxFactor * group.size() / team; // departures per hour, at most
    List<EmployeeDraft> present = new ArrayList<>(group.size());
    double t = 0;
    while (true) {
      t += r.exponential(3600.0 / maxRate);
      if (t >= EmployeeDraft.SECONDS_PER_DAY) return;
      int s = (int) t;
      present.clear();
      for (EmployeeDraft d : group) {
        if (s >= d.stayFrom && s < d.stayTo && !d.outOnTrip(s)) present.add(d);
      }
      double rate = perHour * factor.applyAsDouble(s / 3600) * present.size() / team;
      if (!r.chance(rate / maxRate)) continue;
      int k = r.between(duty.teamMin(), duty.teamMax());
      int length = Curves.tripSeconds(r, extraMin, TRIP_JITTER);
      // The first k of the present (in a fresh random order) for whom the trip fits go.
      for (int i = present.size() - 1; i > 0; i--) Collections.swap(present, i, r.nextInt(i + 1));
      int taken = 0;
      for (EmployeeDraft d : present) {
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
}

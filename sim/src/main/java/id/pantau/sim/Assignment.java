package id.pantau.sim;

import id.pantau.events.WorkMode;
import java.time.Instant;
import java.util.List;

/**
 * What one employee does on one local date: the ground truth behind the events of a {@link
 * CityDay}. The events of the plan are exactly: the {@link #overnight()} resume and check-out, the
 * check-in and (when on this date) the check-out, a check-out and a check-in per field trip, and
 * the WFH location pings.
 *
 * @param mode the employee's rostered work mode today; null when off duty (a weekend without piket,
 *     or a shift crew's day off)
 * @param shift the working time today: office hours or the shift that begins today; null when off
 *     duty
 * @param checkIn when the employee checks in; null when they do not check in at all
 * @param checkOut when they check out; null when they do not check in or forget to check out. For a
 *     {@link Shift#NIGHT} shift it lies on the next local date, and the next date's plan emits it
 *     (see {@link #overnight()} of the next date's assignment)
 * @param pings the WFH location pings sent, by window (1–3); a window without one was missed
 * @param awayFromRegion true when a WFH employee shares locations from outside the region
 * @param overnight the part after local midnight of last night's shift, or null
 * @param fieldTrips the field trips whose check-out and check-in fall on this date (during the
 *     overnight part or today's shift), in time order
 */
public record Assignment(
    Employee employee,
    WorkMode mode,
    Shift shift,
    Instant checkIn,
    Instant checkOut,
    List<Ping> pings,
    boolean awayFromRegion,
    Overnight overnight,
    List<FieldTrip> fieldTrips) {

  /** A location ping sent for a window (1, 2 or 3) at an instant, possibly after the window. */
  public record Ping(int window, Instant at) {}

  /**
   * The part after local midnight of a night shift that began the evening before. Occupancy is
   * counted per local day and dropped at midnight, so the night crew checks in afresh at 00:00:0x.
   *
   * @param resumeAt the fresh check-in, a few seconds after local midnight
   * @param checkOut the morning check-out, null when forgotten
   */
  public record Overnight(Instant resumeAt, Instant checkOut) {}

  /** Out of the office on field duty: a check-out at {@code out}, a check-in at {@code back}. */
  public record FieldTrip(Instant out, Instant back) {}

  public String nip() {
    return employee.nip();
  }

  public String unitId() {
    return employee.unitId();
  }

  public boolean onDuty() {
    return mode != null;
  }

  public boolean checkedIn() {
    return checkIn != null;
  }

  /**
   * Whether this day's attendance records put the employee in the office at {@code t}, an instant
   * of the plan's local date: checked in WFO (or resumed after midnight) and not yet checked out,
   * and not out on a field trip. A forgotten check-out leaves them in until the day ends.
   */
  public boolean inOfficeAt(Instant t) {
    boolean in = false;
    if (overnight != null && !t.isBefore(overnight.resumeAt())) {
      in = overnight.checkOut() == null || t.isBefore(overnight.checkOut());
    }
    if (!in && mode == WorkMode.WFO && checkIn != null && !t.isBefore(checkIn)) {
      in = checkOut == null || t.isBefore(checkOut);
    }
    if (!in) return false;
    for (FieldTrip f : fieldTrips) {
      if (!t.isBefore(f.out()) && t.isBefore(f.back())) return false;
    }
    return true;
  }
}

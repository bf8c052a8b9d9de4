package id.pantau.sim;

import id.pantau.events.WorkMode;
import java.time.Instant;
import java.util.List;

/**
 * What one employee does on one day: the ground truth behind the events of a {@link DayPlan}.
 *
 * @param mode the employee's rostered work mode today; null when off duty (a weekend without piket)
 * @param checkIn when the employee checks in; null when they do not check in at all
 * @param checkOut when they check out; null when they do not check in or forget to check out
 * @param pings the WFH location pings sent, by window (1–3); a window without one was missed
 * @param awayFromRegion true when a WFH employee shares locations from outside the region
 */
public record Assignment(
    Employee employee,
    WorkMode mode,
    Instant checkIn,
    Instant checkOut,
    List<Ping> pings,
    boolean awayFromRegion) {

  /** A location ping sent for a window (1, 2 or 3) at an instant, possibly after the window. */
  public record Ping(int window, Instant at) {}

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
}

package id.pantau.sim;

/**
 * What goes wrong on a simulated day beyond the plan itself (lateness, missed windows, forgotten
 * check-outs and staff away from their region are part of {@link CityDay}): phones that were
 * offline and upload later, events sent twice, malformed records, mock locations, staff on leave.
 *
 * @param offlineShare share of WFH location pings sent by a phone that was offline: uploaded 10–150
 *     minutes after they were made (some after their window was decided: LATE_UPLOAD)
 * @param duplicateShare share of events sent a second time, up to 20 minutes later
 * @param malformedShare malformed records, as a share of the day's events (at least one when > 0);
 *     ingest must refuse each of them
 * @param mockShare share of WFH location pings whose phone reports a mock location
 * @param leaveShare share of office-hours staff who do not check in at all that are rostered LEAVE
 *     or SICK (the others stay rostered and are MISSED)
 * @param awayShare share of WFH staff who, beyond those of the plan, work from 55–110 km outside
 *     their region that day (OUT_OF_REGION on each fix)
 */
public record Faults(
    double offlineShare,
    double duplicateShare,
    double malformedShare,
    double mockShare,
    double leaveShare,
    double awayShare) {

  /** Nothing beyond the plan. */
  public static Faults none() {
    return new Faults(0, 0, 0, 0, 0, 0);
  }

  /** Every kind, at rates that give a small city a few of each. */
  public static Faults all() {
    return new Faults(0.08, 0.03, 0.005, 0.03, 0.5, 0.03);
  }
}

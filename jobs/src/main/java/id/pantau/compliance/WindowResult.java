package id.pantau.compliance;

import id.pantau.events.RosterMode;

/**
 * One employee's standing in one window of one local date, emitted whenever it changes: PENDING
 * once the expectation is known, then the decision, then any correction (with the status it
 * replaces in {@link #previousStatus}, so aggregates retract it). Names a person: it goes to the
 * alerts topic and follow-ups, never to InfluxDB.
 */
public class WindowResult {
  public static final String ATTENDANCE = "ATTENDANCE";

  public String nip;
  public String unitId;
  public String region;
  public String timeZone;

  /** The unit's local date, YYYY-MM-DD. */
  public String date;

  /** ATTENDANCE, or LOC1, LOC2 … for the policy's location windows. */
  public String window;

  public RosterMode mode;
  public ComplianceStatus status;

  /** The status this result replaces, or null for the first result of the window. */
  public ComplianceStatus previousStatus;

  /** The event time at which this result was decided. */
  public long eventTimeMs;

  /** The event time of the check-in or ping the status rests on, or null. */
  public Long checkinAt;

  /** When ingest received that check-in or ping, or null. */
  public Long receivedAt;

  /**
   * The window: for ATTENDANCE the local day's start and the deadline (for a crew with a shift
   * start: from up to 12 hours before it, to the shift start).
   */
  public long windowStartMs;

  public long windowEndMs;

  /** When the result becomes final: the cutoff, or the window's end plus the allowed lateness. */
  public long decideAtMs;

  /**
   * The time of the unit's count point for the window: its end, except for a crew's ATTENDANCE,
   * which counts at the policy's deadline with its office staff (one point per unit and date).
   */
  public long countAtMs;

  /** When the employee's state for the date is dropped; no correction comes after it. */
  public long dropAtMs;

  public WindowResult() {}

  public boolean isCorrection() {
    return previousStatus != null && previousStatus.isDecided();
  }

  @Override
  public String toString() {
    return nip + " " + date + " " + window + " " + previousStatus + "->" + status;
  }
}

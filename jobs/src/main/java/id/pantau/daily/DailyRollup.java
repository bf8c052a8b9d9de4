package id.pantau.daily;

/**
 * A unit's figures of one local date for leadership trends (measurement `daily`, see {@link
 * DailyLines}). Rewritten provisionally during the day and once more, final, when the day closes;
 * every version lands on the same point (the local midnight that starts the date). No NIP.
 */
public class DailyRollup {
  public String unitId;
  public String region;

  /** The local date, YYYY-MM-DD, in the unit's time zone. */
  public String date;

  /** The local midnight that starts the date: the point's time. */
  public long dayStartMs;

  /** ATTENDANCE: (on time + late) / expected; null when nobody is expected. */
  public Double attendanceRate;

  /** ATTENDANCE: expected and on time + late, the counts behind the rate; null with it. */
  public Integer attendanceExpected;

  public Integer attendanceReported;

  /** Over the location windows: sum(on time + late) / sum(expected); null when none expected. */
  public Double wfhCompliance;

  /** Over the location windows: sum(expected) and sum(on time + late); null with the rate. */
  public Integer wfhExpected;

  public Integer wfhReported;

  /** The most present at any status of the date; null while no occupancy is known. */
  public Integer peakPresent;

  /** Present, weighted by event time over the covered part of the date (so far). */
  public Double meanPresent;

  /** Event time with present over the cap, in minutes; null while no occupancy is known. */
  public Double minutesOverCap;

  /** Distinct alerts of the unit on the date (an OPEN and its CLOSE count once). */
  public int alerts;

  /** Distinct OVER_CAP and UNDER_FLOOR breaches among the alerts, on the date they started. */
  public int breaches;

  /** The event time the figures run to. */
  public long asOfMs;

  /** True for a point during the day; false for the day's final point. */
  public boolean provisional;

  public DailyRollup() {}

  @Override
  public String toString() {
    return (provisional ? "provisional " : "final ")
        + unitId
        + " "
        + date
        + " attendance="
        + attendanceRate
        + " wfh="
        + wfhCompliance
        + " peak="
        + peakPresent
        + " mean="
        + meanPresent
        + " overCapMin="
        + minutesOverCap
        + " alerts="
        + alerts
        + " breaches="
        + breaches;
  }
}

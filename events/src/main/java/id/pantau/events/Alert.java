package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One alert on pantau.alerts.v1, keyed by unit. Breaches (OVER_CAP, UNDER_FLOOR) come as an OPEN
 * and later a CLOSE with the same alertId; planned breaches (ROSTER_OVER_CAP, ROSTER_UNDER_FLOOR)
 * as a single RAISED. Per-employee alerts (compliance, location) carry a NIP: this topic, unlike
 * InfluxDB, may name people, and only dashboard-api serves it, to roles allowed to see the unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Alert {
  public static final String OPEN = "OPEN";
  public static final String CLOSE = "CLOSE";
  public static final String RAISED = "RAISED";

  /** Every kind the jobs raise (what a webhook may filter on). */
  public static final java.util.List<String> KINDS =
      java.util.List.of(
          "OVER_CAP",
          "UNDER_FLOOR",
          "ROSTER_OVER_CAP",
          "ROSTER_UNDER_FLOOR",
          "MISSED_ATTENDANCE",
          "LATE_ATTENDANCE",
          "MISSED_LOCATION",
          "LATE_LOCATION",
          "LATE_UPLOAD",
          "OUTSIDE_OFFICE",
          "OUT_OF_REGION",
          "LOW_ACCURACY",
          "MOCK_LOCATION",
          "IMPOSSIBLE_TRAVEL",
          "SHARED_DEVICE");

  public String alertId;
  public String kind;
  public String phase;
  public String unitId;
  public String region;
  public Integer limit;
  public Integer present;

  /** ISO-8601 instants (UTC). */
  public String startedAt;

  public String endedAt;
  public Long durationS;

  /** Staff present without a WFO or PIKET roster entry for the day (over-cap alerts). */
  public Integer unscheduled;

  public String[] unscheduledNips;

  /** The local date a planned breach is for (roster alerts). */
  public String date;

  public Integer scheduled;
  public String message;
  public String nip;

  public Alert() {}
}

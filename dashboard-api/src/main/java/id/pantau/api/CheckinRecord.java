package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One employee's standing in one window of one local date, as the compliance job writes it to
 * pantau.checkins.v1 (key {@code nip@date@window}; the jobs' {@code WindowResult}). Only the fields
 * the follow-ups need; the others are ignored.
 *
 * @param date the unit's local date, YYYY-MM-DD
 * @param window ATTENDANCE, or LOC1, LOC2 … for the policy's location windows
 * @param mode the roster mode (WFO, WFH, PIKET …)
 * @param status PENDING, ON_TIME, LATE, MISSED, LATE_UPLOAD or EXCUSED
 * @param previousStatus the status this result replaces, or null
 * @param checkinAt the event time (epoch ms) of the check-in or ping the status rests on, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckinRecord(
    String nip,
    String unitId,
    String region,
    String timeZone,
    String date,
    String window,
    String mode,
    String status,
    String previousStatus,
    Long eventTimeMs,
    Long checkinAt,
    Long receivedAt) {

  public static final String EXCUSED = "EXCUSED";

  /** The compacted topic's key of this record. */
  public String key() {
    return nip + "@" + date + "@" + window;
  }

  /** A window whose status BKD follows up: missed, late, or done but uploaded late. */
  public boolean needsFollowUp() {
    return "MISSED".equals(status) || "LATE".equals(status) || "LATE_UPLOAD".equals(status);
  }
}

package id.pantau.compliance;

import id.pantau.events.Alert;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.flink.util.Collector;

/**
 * Per-employee alerts on pantau.alerts.v1 (this topic may name staff; only dashboard-api serves
 * it): RAISED for a window decided LATE or MISSED, CORRECTED when a later fact changes a decided
 * result (a late upload, a check-in that reached the job after the decision, a roster change). A
 * raised alert and its corrections share one alertId. ON_TIME and pending results raise nothing.
 */
public final class ComplianceAlerts {
  public static final String CORRECTED = "CORRECTED";
  public static final String MISSED_ATTENDANCE = "MISSED_ATTENDANCE";
  public static final String LATE_ATTENDANCE = "LATE_ATTENDANCE";
  public static final String MISSED_LOCATION = "MISSED_LOCATION";
  public static final String LATE_LOCATION = "LATE_LOCATION";
  public static final String LATE_UPLOAD = "LATE_UPLOAD";

  private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private ComplianceAlerts() {}

  /** The alert a result raises or corrects, or null when it is not one to tell anybody about. */
  public static Alert of(WindowResult r) {
    boolean correction = r.isCorrection();
    String kind = kind(r.status, r.window);
    if (kind == null && correction) kind = kind(r.previousStatus, r.window);
    if (kind == null) return null;
    if (!correction && !isRaise(r.status)) return null;
    if (correction && r.previousStatus == ComplianceStatus.ON_TIME) {
      // nothing was raised for an on-time result; a change away from it is new
      if (!isRaise(r.status)) return null;
      correction = false;
    }
    Alert a = new Alert();
    a.alertId = "COMPLIANCE:" + r.unitId + ":" + r.nip + ":" + r.date + ":" + r.window;
    a.kind = kind;
    a.phase = correction ? CORRECTED : Alert.RAISED;
    a.nip = r.nip;
    a.unitId = r.unitId;
    a.region = r.region;
    a.date = r.date;
    a.startedAt = Instant.ofEpochMilli(r.eventTimeMs).toString();
    a.message = message(r);
    return a;
  }

  /** For a flatMap: emits the alert of a result, if any. */
  public static void emit(WindowResult r, Collector<Alert> out) {
    Alert a = of(r);
    if (a != null) out.collect(a);
  }

  private static boolean isRaise(ComplianceStatus s) {
    return s == ComplianceStatus.LATE
        || s == ComplianceStatus.MISSED
        || s == ComplianceStatus.LATE_UPLOAD;
  }

  private static String kind(ComplianceStatus s, String window) {
    boolean attendance = WindowResult.ATTENDANCE.equals(window);
    if (s == null) return null;
    return switch (s) {
      case MISSED -> attendance ? MISSED_ATTENDANCE : MISSED_LOCATION;
      case LATE -> attendance ? LATE_ATTENDANCE : LATE_LOCATION;
      case LATE_UPLOAD -> LATE_UPLOAD;
      default -> null;
    };
  }

  private static String message(WindowResult r) {
    String what =
        WindowResult.ATTENDANCE.equals(r.window)
            ? "check-in"
            : "location share "
                + r.window
                + " ("
                + local(r, r.windowStartMs)
                + "–"
                + local(r, r.windowEndMs)
                + ")";
    String due = local(r, r.windowEndMs);
    String at = r.checkinAt == null ? null : local(r, r.checkinAt);
    String text =
        switch (r.status) {
          case MISSED -> "no " + what + " by " + local(r, r.decideAtMs);
          case LATE -> what + " at " + at + ", after " + due;
          case LATE_UPLOAD ->
              what
                  + " at "
                  + at
                  + " was uploaded"
                  + (r.receivedAt == null ? "" : " at " + local(r, r.receivedAt))
                  + ", after it was counted as missed";
          case ON_TIME -> what + " at " + at + " was on time after all (by " + due + ")";
          case EXCUSED -> what + " is no longer expected: the roster now says " + r.mode;
          default -> what + " is " + r.status;
        };
    String head = r.nip + " (" + r.unitId + ", " + r.date + "): ";
    String was = r.isCorrection() ? " (was " + r.previousStatus + ")" : "";
    return head + text + was;
  }

  private static String local(WindowResult r, long ms) {
    return Instant.ofEpochMilli(ms).atZone(ZoneId.of(r.timeZone)).format(HH_MM_SS);
  }
}

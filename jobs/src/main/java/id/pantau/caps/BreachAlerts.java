package id.pantau.caps;

import id.pantau.events.Alert;
import java.time.Instant;

/** A breach's opening or closing as an alert on pantau.alerts.v1 (this topic may name staff). */
public final class BreachAlerts {
  private BreachAlerts() {}

  /** Whether an alert ID is a breach's (OVER_CAP or UNDER_FLOOR), as {@link #of} makes them. */
  public static boolean isBreach(String alertId) {
    return alertId != null
        && (alertId.startsWith(Breach.OVER_CAP + ":")
            || alertId.startsWith(Breach.UNDER_FLOOR + ":"));
  }

  public static Alert of(Breach b) {
    Alert a = new Alert();
    a.alertId = b.kind + ":" + b.unitId + ":" + b.startedAtMs;
    a.kind = b.kind;
    a.phase = b.open ? Alert.OPEN : Alert.CLOSE;
    a.unitId = b.unitId;
    a.region = b.region;
    a.limit = b.limit;
    a.present = b.present;
    a.startedAt = Instant.ofEpochMilli(b.startedAtMs).toString();
    a.endedAt = b.endedAtMs == null ? null : Instant.ofEpochMilli(b.endedAtMs).toString();
    a.durationS = b.durationS;
    if (Breach.OVER_CAP.equals(b.kind)) {
      a.unscheduled = b.unscheduled;
      a.unscheduledNips = b.unscheduledNips;
    }
    String what = Breach.OVER_CAP.equals(b.kind) ? "over its cap of " : "under its floor of ";
    a.message =
        b.open
            ? b.unitId
                + " has been "
                + what
                + b.limit
                + " for "
                + b.durationS
                + " s ("
                + b.present
                + " present)"
            : b.unitId
                + " is no longer "
                + what
                + b.limit
                + " after "
                + b.durationS
                + " s ("
                + b.present
                + " present now, "
                + b.worst
                + (Breach.OVER_CAP.equals(b.kind) ? " at most)" : " at least)");
    return a;
  }
}

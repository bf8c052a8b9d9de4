package id.pantau.daily;

import id.pantau.caps.BreachAlerts;
import java.util.Arrays;

/** One unit's figures of one local date, as far as they are known. */
public class DayFigures implements Cloneable {
  public String date;
  public long dayStartMs;
  public long dayEndMs;

  /** Whether an occupancy status has been seen for the date (or held into it). */
  public boolean occupancy;

  public int peak;

  /** The integral of present over the covered time, in person-milliseconds. */
  public long presentMs;

  /** Event time covered by occupancy statuses within the date. */
  public long coveredMs;

  public long overCapMs;

  /** Compliance windows (ATTENDANCE, LOC1 …) with their latest figures. */
  public String[] windows = new String[0];

  public int[] expected = new int[0];
  public int[] reported = new int[0];

  /** Distinct alert IDs of the date. */
  public String[] alertIds = new String[0];

  /** Changed since the last emission. */
  public boolean dirty;

  public DayFigures() {}

  /** An occupancy status observed at a moment of the date. */
  void observe(int present) {
    peak = occupancy ? Math.max(peak, present) : present;
    occupancy = true;
  }

  /** present (and the cap) held for ms within the date. */
  void hold(long ms, int present, Integer cap) {
    if (ms <= 0) return;
    observe(present);
    presentMs += present * ms;
    coveredMs += ms;
    if (cap != null && present > cap) overCapMs += ms;
  }

  /** The window's latest figures replace its previous ones. */
  void window(String window, int expectedCount, int reportedCount) {
    int i = Arrays.asList(windows).indexOf(window);
    if (i < 0) {
      i = windows.length;
      windows = Arrays.copyOf(windows, i + 1);
      expected = Arrays.copyOf(expected, i + 1);
      reported = Arrays.copyOf(reported, i + 1);
      windows[i] = window;
    }
    expected[i] = expectedCount;
    reported[i] = reportedCount;
  }

  /** Adds an alert; false when its ID is already counted (an OPEN's CLOSE, a correction). */
  boolean alert(String alertId) {
    if (Arrays.asList(alertIds).contains(alertId)) return false;
    alertIds = Arrays.copyOf(alertIds, alertIds.length + 1);
    alertIds[alertIds.length - 1] = alertId;
    return true;
  }

  /** (on time + late) / expected over the windows that match, or null when none is expected. */
  Double rate(boolean locationWindows) {
    int[] c = counts(locationWindows);
    return c == null ? null : c[1] / (double) c[0];
  }

  /** {expected, on time + late} summed over the windows that match; null when none is expected. */
  int[] counts(boolean locationWindows) {
    int exp = 0;
    int rep = 0;
    for (int i = 0; i < windows.length; i++) {
      boolean loc = windows[i].startsWith("LOC");
      boolean attendance = "ATTENDANCE".equals(windows[i]);
      if (locationWindows ? loc : attendance) {
        exp += expected[i];
        rep += reported[i];
      }
    }
    return exp == 0 ? null : new int[] {exp, rep};
  }

  /** The distinct breaches (OVER_CAP, UNDER_FLOOR) among the date's alerts. */
  int breaches() {
    int n = 0;
    for (String id : alertIds) if (BreachAlerts.isBreach(id)) n++;
    return n;
  }

  /** A copy that changes apart from this one: clone() copies every field, the arrays anew. */
  DayFigures copy() {
    DayFigures d;
    try {
      d = (DayFigures) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("DayFigures is Cloneable", e);
    }
    d.windows = windows.clone();
    d.expected = expected.clone();
    d.reported = reported.clone();
    d.alertIds = alertIds.clone();
    return d;
  }
}

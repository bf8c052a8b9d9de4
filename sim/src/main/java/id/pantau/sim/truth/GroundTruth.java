package id.pantau.sim.truth;

import id.pantau.events.WorkMode;
import id.pantau.sim.CityRegion;
import id.pantau.sim.CityUnit;
import id.pantau.sim.SimDay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the pipeline must produce for a {@link SimDay}, computed from the simulation alone by the
 * rules jobs/README.md states (it shares the event model and the seed policy's data with the jobs,
 * not their code): occupancy per unit and minute with caps and floors, breaches, each employee's
 * result per window with the location flags, compliance counts per unit and window, daily rollups.
 */
public final class GroundTruth {
  /** Counts of one unit and window. */
  public record Count(
      String unitId,
      String window,
      int expected,
      int onTime,
      int late,
      int missed,
      int lateUpload) {
    public double rate() {
      return expected == 0 ? 0 : (onTime + late) / (double) expected;
    }
  }

  /** One employee on the date: the status of each window and the location flags raised. */
  public record Followup(
      String nip, String unitId, String mode, Map<String, String> windows, TreeSet<String> flags) {}

  /**
   * The daily rollup of a unit; the expected and reported (on time + late) counts are null with
   * their rate, {@code breaches} the unit's breaches of the date.
   */
  public record Daily(
      String unitId,
      Double attendanceRate,
      Double wfhCompliance,
      int peakPresent,
      double meanPresent,
      double minutesOverCap,
      Integer attendanceExpected,
      Integer attendanceReported,
      Integer wfhExpected,
      Integer wfhReported,
      int breaches) {}

  /**
   * One breach: {@code endMs} null when it still held at the end of the date; {@code worst} the
   * most present over a cap (the fewest under a floor) while it held.
   */
  public record Breach(
      String unitId, String kind, long startMs, Long endMs, int limit, int worst) {}

  private final SimDay day;
  private final Rules rules;
  private final Map<String, Presence> presence = new LinkedHashMap<>();
  private final List<Breach> breaches = new ArrayList<>();
  private final Map<String, Followup> followups = new TreeMap<>();
  private final List<Count> counts = new ArrayList<>();
  private final Map<String, Daily> daily = new LinkedHashMap<>();
  private final SortedSet<String> unitAlerts;

  private GroundTruth(SimDay day) {
    this.day = day;
    this.rules = new Rules(day);
    for (CityUnit u : day.city().units()) {
      Presence p = new Presence(day, u);
      presence.put(u.unitId(), p);
      breaches.addAll(Breaches.of(u, p, rules));
    }
    Map<String, int[]> tally =
        new TreeMap<>(); // unit|window -> expected, on time, late, missed, upload
    for (Checkins.Result r : Checkins.of(day, rules)) {
      followups
          .computeIfAbsent(
              r.nip(), n -> new Followup(n, r.unitId(), r.mode(), new TreeMap<>(), new TreeSet<>()))
          .windows()
          .put(r.window(), r.status());
      int[] c = tally.computeIfAbsent(r.unitId() + "|" + r.window(), k -> new int[5]);
      c[0]++;
      switch (r.status()) {
        case "ON_TIME" -> c[1]++;
        case "LATE" -> c[2]++;
        case "LATE_UPLOAD" -> {
          c[2]++;
          c[4]++;
        }
        default -> c[3]++;
      }
    }
    tally.forEach(
        (k, c) -> {
          int bar = k.indexOf('|');
          counts.add(
              new Count(k.substring(0, bar), k.substring(bar + 1), c[0], c[1], c[2], c[3], c[4]));
        });
    flags();
    for (CityUnit u : day.city().units()) daily.put(u.unitId(), daily(u));
    unitAlerts = UnitAlerts.of(day, rules, breaches);
  }

  public static GroundTruth of(SimDay day) {
    return new GroundTruth(day);
  }

  /**
   * Location flags (README, "Location rules"): MOCK_LOCATION for a fix whose phone says so;
   * OUT_OF_REGION for a WFH fix (a ping, or an attendance event in mode WFH) beyond the region's
   * boundary by more than its accuracy. The simulation's offices, accuracies and devices raise no
   * OUTSIDE_OFFICE, LOW_ACCURACY, IMPOSSIBLE_TRAVEL or SHARED_DEVICE.
   */
  private void flags() {
    for (SimDay.Accepted a : day.accepted().values()) {
      var p = a.planned();
      var loc = a.fix();
      if (loc == null) continue;
      CityUnit u = day.city().unit(p.unitId());
      boolean wfh = !p.isAttendance() || p.attendance().mode == WorkMode.WFH;
      List<String> kinds = new ArrayList<>();
      if (a.mock()) kinds.add("MOCK_LOCATION");
      if (wfh
          && beyondM(u.region(), loc.lat, loc.lon) > (loc.accuracyM == null ? 0 : loc.accuracyM)) {
        kinds.add("OUT_OF_REGION");
      }
      if (kinds.isEmpty()) continue;
      followups
          .computeIfAbsent(
              p.nip(), n -> new Followup(n, p.unitId(), null, new TreeMap<>(), new TreeSet<>()))
          .flags()
          .addAll(kinds);
    }
  }

  /** Metres outside the region's square boundary (0 inside). */
  static double beyondM(CityRegion r, double lat, double lon) {
    double dLat = Math.max(0, Math.abs(lat - r.lat()) - CityRegion.HALF_SIDE_DEG);
    double dLon = Math.max(0, Math.abs(lon - r.lon()) - CityRegion.HALF_SIDE_DEG);
    return Math.hypot(dLat, dLon) * 111_320 * Math.cos(Math.toRadians(lat));
  }

  private Daily daily(CityUnit u) {
    Presence p = presence.get(u.unitId());
    int[] attendance = counts(u.unitId(), true);
    int[] wfh = counts(u.unitId(), false);
    int peak = 0;
    double area = 0, overMs = 0;
    List<Long> moments = new ArrayList<>(new TreeSet<>(momentsOf(u, p)));
    for (int i = 0; i < moments.size(); i++) {
      long t = moments.get(i);
      long next = i + 1 < moments.size() ? moments.get(i + 1) : p.dayEndMs();
      int present = p.at(t);
      peak = Math.max(peak, present);
      area += present * (double) (next - t);
      if (present > rules.cap(u, t)) overMs += next - t;
    }
    double span = p.dayEndMs() - p.dayStartMs();
    int unitBreaches = (int) breaches.stream().filter(b -> b.unitId().equals(u.unitId())).count();
    return new Daily(
        u.unitId(),
        attendance == null ? null : attendance[1] / (double) attendance[0],
        wfh == null ? null : wfh[1] / (double) wfh[0],
        peak,
        area / span,
        overMs / 60_000.0,
        attendance == null ? null : attendance[0],
        attendance == null ? null : attendance[1],
        wfh == null ? null : wfh[0],
        wfh == null ? null : wfh[1],
        unitBreaches);
  }

  private List<Long> momentsOf(CityUnit u, Presence p) {
    List<Long> m = new ArrayList<>(p.changes());
    for (long t : rules.ruleChanges(u)) if (t >= p.dayStartMs() && t < p.dayEndMs()) m.add(t);
    return m;
  }

  /** {expected, on time + late} of the unit's ATTENDANCE or location windows; null if none. */
  private int[] counts(String unitId, boolean attendance) {
    int expected = 0, done = 0;
    for (Count c : counts) {
      if (!c.unitId().equals(unitId) || c.window().equals("ATTENDANCE") != attendance) continue;
      expected += c.expected();
      done += c.onTime() + c.late();
    }
    return expected == 0 ? null : new int[] {expected, done};
  }

  public SimDay day() {
    return day;
  }

  public Presence presence(String unitId) {
    return presence.get(unitId);
  }

  public int cap(String unitId, long t) {
    return rules.cap(day.city().unit(unitId), t);
  }

  public int floor(String unitId, long t) {
    return rules.floor(day.city().unit(unitId), t);
  }

  public List<Breach> breaches() {
    return breaches;
  }

  /**
   * The alerts about units on the date, each as {@code "<alertId> <phase>"}: planned breaches of
   * the rosters and the breaches' openings and closings ({@link UnitAlerts}).
   */
  public SortedSet<String> unitAlerts() {
    return unitAlerts;
  }

  public List<Count> counts() {
    return counts;
  }

  public Map<String, Followup> followups() {
    return followups;
  }

  public Map<String, Daily> daily() {
    return daily;
  }

  /**
   * Writes the truth as CSV files into {@code dir}: occupancy.csv (unit, minute, present, cap,
   * floor), breaches.csv, compliance.csv, followups.csv, daily.csv ({@link TruthCsv}).
   */
  public void writeTo(Path dir) throws IOException {
    TruthCsv.write(this, dir);
  }
}

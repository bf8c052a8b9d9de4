package id.pantau.sim.truth;

import id.pantau.events.Action;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.sim.CityUnit;
import id.pantau.sim.SimDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each employee's final result per window (README, "Check-in compliance"): WFO and PIKET check in
 * (any CHECK_IN) by the deadline, LATE until the cutoff; a crew whose roster row names a shift
 * start by that start, LATE for the same grace after it (past midnight for a night shift); WFH send
 * a location ping in each window, LATE until its end plus the allowed lateness; LEAVE, SICK and
 * OFFICIAL_TRAVEL expect nothing. A fact that ingest received after the window's decision (cutoff,
 * or end plus lateness) only counts as LATE_UPLOAD, and only when nothing received in time decides
 * the window.
 */
final class Checkins {
  /** One employee's final standing in one window. */
  record Result(String nip, String unitId, String mode, String window, String status) {}

  /** How long before a crew's shift start its check-in already counts. */
  private static final long SHIFT_OPENS_BEFORE_MS = 12 * 3_600_000L;

  private Checkins() {}

  static List<Result> of(SimDay day, Rules rules) {
    Map<String, List<SimDay.Accepted>> byNip = new LinkedHashMap<>();
    for (SimDay.Accepted a : day.accepted().values()) {
      byNip.computeIfAbsent(a.planned().nip(), k -> new ArrayList<>()).add(a);
    }
    List<Result> out = new ArrayList<>();
    LocalDate date = day.date();
    for (RosterEntry r : day.rosters()) {
      CityUnit u = day.city().unit(r.unitId);
      ZoneId zone = u.zone();
      List<SimDay.Accepted> facts = byNip.getOrDefault(r.nip, List.of());
      if (r.mode == RosterMode.WFO || r.mode == RosterMode.PIKET) {
        long start = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long deadline = at(date, rules.policy.checkinDeadline, zone);
        long cutoff = at(date, rules.policy.checkinCutoff, zone);
        if (r.shiftStart != null) {
          // A crew is due at its shift's start, with the grace the policy gives office staff;
          // its check-in counts from 12 hours before (not before the date).
          long grace = cutoff - deadline;
          deadline = at(date, r.shiftStart, zone);
          cutoff = deadline + grace;
          start = Math.max(start, deadline - SHIFT_OPENS_BEFORE_MS);
        }
        List<SimDay.Accepted> checkIns = new ArrayList<>();
        for (SimDay.Accepted a : facts) {
          if (a.planned().isAttendance() && a.planned().attendance().action == Action.CHECK_IN) {
            checkIns.add(a);
          }
        }
        out.add(
            new Result(
                r.nip,
                r.unitId,
                r.mode.name(),
                "ATTENDANCE",
                status(checkIns, start, deadline, cutoff)));
      } else if (r.mode == RosterMode.WFH) {
        List<SimDay.Accepted> pings = new ArrayList<>();
        for (SimDay.Accepted a : facts) if (!a.planned().isAttendance()) pings.add(a);
        long lateness = 1000L * rules.policy.allowedLatenessS;
        String[][] windows = rules.policy.locationWindows;
        for (int i = 0; i < windows.length; i++) {
          long from = at(date, windows[i][0], zone);
          long to = at(date, windows[i][1], zone);
          out.add(
              new Result(
                  r.nip,
                  r.unitId,
                  r.mode.name(),
                  "LOC" + (i + 1),
                  status(pings, from, to, to + lateness)));
        }
      }
    }
    return out;
  }

  /** The window [start, end], decided at {@code decide}. */
  private static String status(List<SimDay.Accepted> facts, long start, long end, long decide) {
    boolean onTime = false, late = false, uploaded = false;
    for (SimDay.Accepted a : facts) {
      long t = a.planned().at().toEpochMilli();
      if (t < start || t > decide) continue;
      if (a.receivedAt().toEpochMilli() > decide) uploaded = true;
      else if (t <= end) onTime = true;
      else late = true;
    }
    return onTime ? "ON_TIME" : late ? "LATE" : uploaded ? "LATE_UPLOAD" : "MISSED";
  }

  private static long at(LocalDate d, String local, ZoneId zone) {
    return d.atTime(LocalTime.parse(local)).atZone(zone).toInstant().toEpochMilli();
  }
}

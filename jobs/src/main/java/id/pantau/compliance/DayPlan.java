package id.pantau.compliance;

import id.pantau.events.Policy;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a roster row expects of an employee on a local date, as instants in the unit's time zone:
 * WFO and PIKET check in by the deadline (late until the cutoff), or a crew with a shift start by
 * that start (late for the same grace); WFH pings in each location window (late until its end plus
 * the allowed lateness); LEAVE, SICK and OFFICIAL_TRAVEL nothing.
 */
final class DayPlan {
  /**
   * One expected window. A result is decided at {@link #decideMs} at the latest. {@link #countAtMs}
   * is the time of the unit's count point: the policy's deadline for attendance whatever the
   * employee's shift, so the crews and office staff of a unit share one point per date.
   */
  record Slot(
      String window, long startMs, long endMs, long decideMs, boolean ping, long countAtMs) {}

  /** A shift's check-in counts from this long before its start (but not before its date). */
  static final long SHIFT_OPENS_BEFORE_MS = 12 * 3_600_000L;

  final String date;
  final long dayStartMs;
  final List<Slot> slots;

  /** The cutoff of the next day, or the last decision if later: the date's state goes then. */
  final long dropAtMs;

  private DayPlan(String date, long dayStartMs, List<Slot> slots, long dropAtMs) {
    this.date = date;
    this.dayStartMs = dayStartMs;
    this.slots = slots;
    this.dropAtMs = dropAtMs;
  }

  static long dayStart(String date, String timeZone) {
    return LocalDate.parse(date).atStartOfDay(ZoneId.of(timeZone)).toInstant().toEpochMilli();
  }

  static String localDate(long timeMs, String timeZone) {
    return java.time.Instant.ofEpochMilli(timeMs)
        .atZone(ZoneId.of(timeZone))
        .toLocalDate()
        .toString();
  }

  static DayPlan of(String date, RosterMode mode, Unit unit, Policy policy) {
    return of(date, mode, null, unit, policy);
  }

  /**
   * The plan of a roster row. A row with a shift start (a round-the-clock crew) must check in by
   * the shift start, late until the shift start plus the grace the policy gives office staff
   * (cutoff − deadline); a night shift's cutoff falls on the next date, still attributed to the
   * row's date. Its check-in counts from {@link #SHIFT_OPENS_BEFORE_MS} before the shift, so a late
   * check-in after midnight of one night shift does not also count for the next night's.
   */
  static DayPlan of(String date, RosterMode mode, LocalTime shiftStart, Unit unit, Policy policy) {
    ZoneId zone = ZoneId.of(unit.timeZone);
    LocalDate day = LocalDate.parse(date);
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    List<Slot> slots = new ArrayList<>();
    long last = start;
    long policyDeadline = at(day, policy.checkinDeadline, zone);
    long grace = graceMs(policy);
    if (mode != null && mode.inOffice()) {
      long deadline = policyDeadline;
      long cutoff = at(day, policy.checkinCutoff, zone);
      long from = start;
      if (shiftStart != null) {
        deadline = day.atTime(shiftStart).atZone(zone).toInstant().toEpochMilli();
        cutoff = deadline + grace;
        from = Math.max(start, deadline - SHIFT_OPENS_BEFORE_MS);
      }
      slots.add(new Slot(WindowResult.ATTENDANCE, from, deadline, cutoff, false, policyDeadline));
      last = cutoff;
    } else if (mode == RosterMode.WFH && policy.locationWindows != null) {
      long lateness = 1_000L * (policy.allowedLatenessS == null ? 0 : policy.allowedLatenessS);
      for (int i = 0; i < policy.locationWindows.length; i++) {
        String[] w = policy.locationWindows[i];
        long from = at(day, w[0], zone);
        long to = at(day, w[1], zone);
        slots.add(new Slot("LOC" + (i + 1), from, to, to + lateness, true, to));
        last = Math.max(last, to + lateness);
      }
    }
    // The next day's cutoff (its deadline + grace) is never before the latest shift's cutoff of
    // this date (before midnight + grace), so facts of the date outlive every decision of it.
    return new DayPlan(date, start, slots, Math.max(last, dropAt(date, unit.timeZone, policy)));
  }

  /** The grace the policy gives between the check-in deadline and the cutoff. */
  static long graceMs(Policy policy) {
    return 1_000L
        * (LocalTime.parse(policy.checkinCutoff).toSecondOfDay()
            - LocalTime.parse(policy.checkinDeadline).toSecondOfDay());
  }

  /** The next day's cutoff in the zone: the grace after a date's last decision. */
  static long dropAt(String date, String timeZone, Policy policy) {
    return at(LocalDate.parse(date).plusDays(1), policy.checkinCutoff, ZoneId.of(timeZone));
  }

  private static long at(LocalDate day, String localTime, ZoneId zone) {
    return day.atTime(LocalTime.parse(localTime)).atZone(zone).toInstant().toEpochMilli();
  }
}

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
 * WFO and PIKET check in by the deadline (late until the cutoff); WFH pings in each location window
 * (late until its end plus the allowed lateness); LEAVE, SICK and OFFICIAL_TRAVEL nothing.
 */
final class DayPlan {
  /** One expected window. A result is decided at {@link #decideMs} at the latest. */
  record Slot(String window, long startMs, long endMs, long decideMs, boolean ping) {}

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
    ZoneId zone = ZoneId.of(unit.timeZone);
    LocalDate day = LocalDate.parse(date);
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    List<Slot> slots = new ArrayList<>();
    long last = start;
    if (mode != null && mode.inOffice()) {
      long deadline = at(day, policy.checkinDeadline, zone);
      long cutoff = at(day, policy.checkinCutoff, zone);
      slots.add(new Slot(WindowResult.ATTENDANCE, start, deadline, cutoff, false));
      last = cutoff;
    } else if (mode == RosterMode.WFH && policy.locationWindows != null) {
      long lateness = 1_000L * (policy.allowedLatenessS == null ? 0 : policy.allowedLatenessS);
      for (int i = 0; i < policy.locationWindows.length; i++) {
        String[] w = policy.locationWindows[i];
        long from = at(day, w[0], zone);
        long to = at(day, w[1], zone);
        slots.add(new Slot("LOC" + (i + 1), from, to, to + lateness, true));
        last = Math.max(last, to + lateness);
      }
    }
    return new DayPlan(date, start, slots, Math.max(last, dropAt(date, unit.timeZone, policy)));
  }

  /** The next day's cutoff in the zone: the grace after a date's last decision. */
  static long dropAt(String date, String timeZone, Policy policy) {
    return at(LocalDate.parse(date).plusDays(1), policy.checkinCutoff, ZoneId.of(timeZone));
  }

  private static long at(LocalDate day, String localTime, ZoneId zone) {
    return day.atTime(LocalTime.parse(localTime)).atZone(zone).toInstant().toEpochMilli();
  }
}

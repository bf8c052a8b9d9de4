package id.pantau.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How long the follow-ups are kept: the local dates from {@code days - 1} days before today in
 * Asia/Jakarta on (today counts as the first day).
 */
final class KeptDays {
  private final int days;
  private final Clock clock;

  KeptDays(int days, Clock clock) {
    if (days < 1) throw new IllegalArgumentException("days: must be at least 1 (got " + days + ")");
    this.days = days;
    this.clock = clock;
  }

  int days() {
    return days;
  }

  Clock clock() {
    return clock;
  }

  /** The oldest local date kept now. */
  LocalDate oldest() {
    return oldest(days, clock);
  }

  static LocalDate oldest(int days, Clock clock) {
    return today(clock).minusDays(days - 1L);
  }

  /**
   * The fewest days to keep for {@code date} to be kept now: 1 for today or a later date. To hold
   * it still after the next midnight, keep one more.
   */
  static int toKeep(LocalDate date, Clock clock) {
    return (int) Math.max(1, ChronoUnit.DAYS.between(date, today(clock)) + 1);
  }

  /** True when {@code date} (YYYY-MM-DD) is {@code oldest} or later; false when unreadable. */
  static boolean keeps(String date, LocalDate oldest) {
    try {
      return !LocalDate.parse(date).isBefore(oldest);
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(LocalDates.DEFAULT_ZONE));
  }
}

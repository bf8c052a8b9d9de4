package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How far back and ahead a request may reach, one rule for every handler. An instant or local date
 * a caller names must lie
 *
 * <ul>
 *   <li>where InfluxDB can hold a point: its times are int64 nanoseconds, {@link #INFLUX_MIN} to
 *       {@link #INFLUX_MAX}, and it refuses a query naming a time outside them;
 *   <li>within what the retention policy of the data keeps: raw points ({@code raw}: occupancy,
 *       breaches, compliance) 30 days, the daily rollups ({@code trends}) 1825 days, plus one shard
 *       (InfluxDB drops a shard, a day of raw points or a week of rollups, only once all of it has
 *       expired, so that much more may still be read);
 *   <li>at most a day ahead of now ({@link #AHEAD}): nothing is written further ahead, and a day
 *       covers WIT's date running ahead of Jakarta's.
 * </ul>
 *
 * Anything else is a 400 naming the parameter, the range and what to ask instead.
 */
public record Horizon(String policy, int keptDays, int shardDays) {
  /** The earliest time InfluxDB 1.x holds (int64 min + 2 ns). */
  static final Instant INFLUX_MIN = Instant.EPOCH.plusNanos(Long.MIN_VALUE + 2);

  /** The latest time InfluxDB 1.x holds (int64 max − 1 ns). */
  static final Instant INFLUX_MAX = Instant.EPOCH.plusNanos(Long.MAX_VALUE - 1);

  /** How far past now a request may reach. */
  static final Duration AHEAD = Duration.ofDays(1);

  /** Occupancy, breaches and compliance: the default retention policy {@code raw}. */
  static final Horizon RAW = new Horizon("raw", 30, 1);

  /** The daily rollups: retention policy {@code trends}. */
  public static final Horizon TRENDS = new Horizon("trends", 1825, 7);

  /** The earliest instant a request may name at {@code now}, to the second. */
  Instant earliest(Instant now) {
    Instant kept = now.minus(Duration.ofDays((long) keptDays + shardDays));
    return later(kept, INFLUX_MIN).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  /** The latest instant a request may name at {@code now}, to the second. */
  static Instant latest(Instant now) {
    return earlier(now.plus(AHEAD), INFLUX_MAX).truncatedTo(ChronoUnit.SECONDS);
  }

  /** The earliest local date a request may name on {@code today}. */
  public LocalDate earliest(LocalDate today) {
    LocalDate kept = today.minusDays((long) keptDays + shardDays);
    LocalDate first = LocalDates.ofMidnight(INFLUX_MIN).plusDays(1);
    return kept.isBefore(first) ? first : kept;
  }

  /** The latest local date a request may name on {@code today} (Jakarta's date). */
  public static LocalDate latest(LocalDate today) {
    LocalDate ahead = today.plusDays(1);
    LocalDate last = INFLUX_MAX.atOffset(LocalDates.LATEST).toLocalDate().minusDays(1);
    return ahead.isAfter(last) ? last : ahead;
  }

  /**
   * The instant when it lies within reach; else null after adding "field: reason" to the errors.
   */
  Instant check(String field, Instant t, Instant now, List<String> errors) {
    return within(field, t, earliest(now), latest(now), errors, "", "now", "ask within that range");
  }

  /**
   * The local date when it lies within reach; else null after adding "field: reason" to the errors.
   */
  LocalDate check(String field, LocalDate date, LocalDate today, List<String> errors) {
    return within(
        field,
        date,
        earliest(today),
        latest(today),
        errors,
        "a date ",
        "today",
        "ask for a date in that range");
  }

  /** The reason names what it is ("a date "), what "ahead" counts from, and what to ask instead. */
  private <T extends Comparable<? super T>> T within(
      String field,
      T value,
      T first,
      T last,
      List<String> errors,
      String what,
      String aheadOf,
      String ask) {
    if (value == null) return null;
    if (value.compareTo(first) < 0 || value.compareTo(last) > 0) {
      errors.add(
          String.format(
              "%s: must be %sfrom %s to %s (%s; nothing lies more than a day ahead of %s): %s",
              field, what, first, last, kept(), aheadOf, ask));
      return null;
    }
    return value;
  }

  /**
   * The local date when it is at most a day ahead of today; else null after adding "field: reason"
   * to the errors. For data whose own retention is checked elsewhere (the follow-ups).
   */
  static LocalDate notAhead(String field, LocalDate date, LocalDate today, List<String> errors) {
    if (date == null) return null;
    LocalDate last = latest(today);
    if (date.isAfter(last)) {
      errors.add(
          field
              + ": must be at most "
              + last
              + " (nothing lies more than a day ahead of today): ask for a date up to then");
      return null;
    }
    return date;
  }

  /** What the policy keeps, for a reason: "retention policy trends keeps 1825 days". */
  public String kept() {
    return "retention policy " + policy + " keeps " + keptDays + " days";
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

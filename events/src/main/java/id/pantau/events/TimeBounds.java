package id.pantau.events;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How far the times a record names may lie from the clock it is judged by: ingest's clock at
 * receipt, or in the jobs the wall clock (live) or the record's receipt time (a bounded replay).
 * One rule for both, so a record ingest refuses is one the jobs refuse too, whoever wrote it to
 * Kafka.
 *
 * <ul>
 *   <li>An event's time (attendance, location) lies in [clock − {@code maxAgeMs}, clock + {@code
 *       maxAheadMs}]: 5 minutes ahead covers a phone's clock drift; 7 days back covers a phone that
 *       was offline over a long weekend and a week's holiday, longer than any rule waits (a late
 *       upload is judged against records kept for days, a daily rollup is final six hours after
 *       midnight). A later event changes no decision and would only corrupt the present.
 *   <li>Reference data may be planned ahead: an {@code effectiveFrom} or a roster date up to {@code
 *       planAheadMs} (366 days) after the clock. Ingest takes none older than {@code maxAgeMs} (a
 *       change cannot reach back past the oldest event still taken); the jobs, which read the
 *       compacted reference topics from their beginning at every start, take any from {@link
 *       #EARLIEST_MS} on, so a zone level set months ago stays in force.
 * </ul>
 *
 * Every reason is "field: what is wrong; what is accepted: what to do".
 */
public record TimeBounds(long maxAheadMs, long maxAgeMs, long planAheadMs) implements Serializable {
  public static final long MINUTE_MS = 60_000L;
  public static final long DAY_MS = 86_400_000L;

  /** No record of Pantau's names a time before 2000; InfluxDB holds nothing before 1677. */
  public static final long EARLIEST_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  public static final TimeBounds DEFAULT = new TimeBounds(5 * MINUTE_MS, 7 * DAY_MS, 366 * DAY_MS);

  public static final String MAX_AHEAD_VAR = "PANTAU_MAX_CLOCK_SKEW_MS";
  public static final String MAX_AGE_VAR = "PANTAU_MAX_EVENT_AGE_MS";
  public static final String PLAN_AHEAD_VAR = "PANTAU_MAX_PLAN_AHEAD_MS";

  public TimeBounds {
    if (maxAheadMs < 0) throw new IllegalArgumentException(MAX_AHEAD_VAR + ": must be 0 or more");
    if (maxAgeMs < 1) throw new IllegalArgumentException(MAX_AGE_VAR + ": must be 1 or more");
    if (planAheadMs < maxAheadMs) {
      throw new IllegalArgumentException(
          PLAN_AHEAD_VAR + ": must be at least " + MAX_AHEAD_VAR + " (" + maxAheadMs + ")");
    }
  }

  /** The bounds of the environment's variables, each optional; a malformed value names itself. */
  public static TimeBounds fromEnv(Map<String, String> env) {
    return new TimeBounds(
        Env.number(env, MAX_AHEAD_VAR, DEFAULT.maxAheadMs),
        Env.number(env, MAX_AGE_VAR, DEFAULT.maxAgeMs),
        Env.number(env, PLAN_AHEAD_VAR, DEFAULT.planAheadMs));
  }

  /**
   * Why an event's time cannot be taken, judged by a clock at {@code nowMs} named {@code clock}
   * (e.g. "the server clock"), or null when it can.
   */
  public String eventTime(String field, String text, long timeMs, long nowMs, String clock) {
    if (timeMs > nowMs + maxAheadMs) {
      return off(field, text, timeMs - nowMs, " ahead of ", clock)
          + "; at most "
          + exact(maxAheadMs)
          + " ahead is accepted: check the device's clock";
    }
    if (timeMs < nowMs - maxAgeMs) {
      return off(field, text, nowMs - timeMs, " older than ", clock)
          + "; events up to "
          + exact(maxAgeMs)
          + " old are accepted: check the device's clock, or send the day again through"
          + " a replay";
    }
    return null;
  }

  /**
   * Why a version's {@code effectiveFrom} cannot be taken (beyond the planning horizon, or before
   * {@code earliestMs}), or null when it can.
   */
  public String effectiveFrom(
      String field, String text, long fromMs, long nowMs, long earliestMs, String clock) {
    if (fromMs > nowMs + planAheadMs) {
      return off(field, text, fromMs - nowMs, " ahead of ", clock)
          + "; a change may be planned at most "
          + exact(planAheadMs)
          + " ahead";
    }
    if (fromMs < earliestMs) {
      return field
          + ": "
          + text
          + " is before "
          + Instant.ofEpochMilli(earliestMs)
          + "; a change may take effect from then on"
          + (earliestMs > EARLIEST_MS
              ? " (up to " + exact(maxAgeMs) + " back): give a later effectiveFrom or none (now)"
              : "");
    }
    return null;
  }

  /** "field: text is 2 days ahead of the server clock", the start of a refusal of a time. */
  private static String off(String field, String text, long byMs, String relation, String clock) {
    return field + ": " + text + " is " + span(byMs) + relation + clock;
  }

  /**
   * Why a roster date (the unit's local date) cannot be taken, or null. Local dates run up to 14
   * hours from UTC, so the bounds get a day of slack on each side.
   */
  public String rosterDate(String field, LocalDate date, long nowMs, long earliestMs) {
    LocalDate today = Instant.ofEpochMilli(nowMs).atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate last = today.plusDays(planAheadMs / DAY_MS + 1);
    LocalDate first = Instant.ofEpochMilli(earliestMs).atOffset(ZoneOffset.UTC).toLocalDate();
    if (earliestMs > EARLIEST_MS) first = first.minusDays(1);
    if (date.isAfter(last)) {
      return field
          + ": "
          + date
          + " is more than "
          + exact(planAheadMs)
          + " ahead; rosters may be planned up to "
          + last;
    }
    if (date.isBefore(first)) {
      return field + ": " + date + " is before " + first + "; rosters are taken from then on";
    }
    return null;
  }

  /** "73 years", "2 days", "5 minutes": the largest whole unit, for people reading a refusal. */
  public static String span(long ms) {
    long s = Math.abs(ms) / 1000;
    long years = s / 31_556_952L; // 365.2425 days, the Gregorian year
    if (years >= 1) return plural(years, "year");
    if (s >= 86_400) return plural(s / 86_400, "day");
    if (s >= 3_600) return plural(s / 3_600, "hour");
    if (s >= 60) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  /** A bound as set: "366 days", "5 minutes", "90 seconds" (the largest unit that divides it). */
  public static String exact(long ms) {
    long s = ms / 1000;
    if (ms % 1000 != 0) return ms + " ms";
    if (s >= 86_400 && s % 86_400 == 0) return plural(s / 86_400, "day");
    if (s >= 3_600 && s % 3_600 == 0) return plural(s / 3_600, "hour");
    if (s >= 60 && s % 60 == 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}

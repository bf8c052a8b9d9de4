package id.pantau.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parsing of the contract's ISO-8601 times, which must carry an offset so no zone is guessed. */
public final class Times {
  /** Marks a time that is missing or could not be parsed. */
  public static final long INVALID = Long.MIN_VALUE;

  private Times() {}

  public static long parseEpochMs(String text) {
    if (text == null) return INVALID;
    // Every event carries a time: the common shape is read by hand, anything else by java.time.
    long fast = parseCommon(text);
    if (fast != INVALID) return fast;
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  /**
   * yyyy-MM-ddTHH:mm:ss[.SSS](Z|±HH:MM), the shape phones and ingest send; INVALID for anything
   * else, which the caller then hands to java.time (the one authority on what is valid).
   */
  static long parseCommon(String s) {
    int n = s.length();
    if (n < 20 || n > 29) return INVALID;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T') return INVALID;
    if (s.charAt(13) != ':' || s.charAt(16) != ':') return INVALID;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return INVALID;
    if (hour > 23 || minute > 59 || second > 59) return INVALID;
    int i = 19;
    int millis = 0;
    if (s.charAt(i) == '.') {
      if (n < i + 4) return INVALID;
      millis = digits(s, i + 1, 3);
      if (millis < 0) return INVALID;
      i += 4;
    }
    int offsetSeconds;
    if (n == i + 1 && s.charAt(i) == 'Z') offsetSeconds = 0;
    else if (n == i + 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || oh > 18 || om > 59) return INVALID;
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
      if (Math.abs(offsetSeconds) > 18 * 3600) return INVALID;
    } else return INVALID;
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return INVALID;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000L + millis;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Adds "field: reason" when the text is not an ISO-8601 time with an offset. */
  public static void check(String field, String text, java.util.List<String> errors) {
    if (text == null) errors.add(field + ": is required");
    else if (parseEpochMs(text) == INVALID) {
      errors.add(field + ": must be ISO-8601 with an offset, e.g. 2026-11-23T07:12:03+07:00");
    }
  }

  public static boolean isZone(String zone) {
    if (zone == null) return false;
    try {
      ZoneId.of(zone);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

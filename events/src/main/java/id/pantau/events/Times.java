package id.pantau.events;

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
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
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

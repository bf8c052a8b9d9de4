package id.pantau.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A query parameter holding an instant: ISO-8601 with an offset, e.g. 2026-11-23T07:00:00+07:00.
 */
public final class TimeParam {
  private TimeParam() {}

  /** The instant of the text, or null after adding "field: reason" to the errors. */
  public static Instant parse(String field, String text, List<String> errors) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // An unencoded "+07:00" in a query string arrives as " 07:00": read it as meant.
      if (text.indexOf(' ') > 0) {
        try {
          return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException ignored) {
          // fall through to the reason
        }
      }
      errors.add(field + ": must be ISO-8601 with an offset, e.g. 2026-11-23T07:00:00+07:00");
      return null;
    }
  }
}

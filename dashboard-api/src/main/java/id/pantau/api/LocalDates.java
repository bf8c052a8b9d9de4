package id.pantau.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Local dates of Indonesia's three zones: WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9). InfluxDB's
 * points carry a unit's local times as instants but not the unit's zone, so a date's points are
 * looked for in the instants that fall on it in any of the zones: from its midnight in WIT to the
 * next midnight in WIB.
 */
public final class LocalDates {
  /** Where "today" is taken when the unit's own zone is not known. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

  static final ZoneOffset EARLIEST = ZoneOffset.ofHours(9);
  static final ZoneOffset LATEST = ZoneOffset.ofHours(7);

  private LocalDates() {}

  /** The date of a YYYY-MM-DD parameter, or null after adding "field: reason" to the errors. */
  static LocalDate parse(String field, String text, List<String> errors) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(field + ": must be a date YYYY-MM-DD, e.g. 2026-11-23");
      return null;
    }
  }

  /** The first instant of the date anywhere in Indonesia: its midnight in WIT. */
  static Instant earliestStart(LocalDate date) {
    return date.atStartOfDay(EARLIEST).toInstant();
  }

  /** The instant after the date ends everywhere in Indonesia: the next midnight in WIB. */
  static Instant latestEnd(LocalDate date) {
    return date.plusDays(1).atStartOfDay(LATEST).toInstant();
  }

  /**
   * The date a local midnight (in WIB, WITA or WIT) starts: exact for a point written at the start
   * of a unit's day, whichever of the three zones the unit keeps.
   */
  static LocalDate ofMidnight(Instant midnight) {
    return midnight.atOffset(EARLIEST).toLocalDate();
  }
}

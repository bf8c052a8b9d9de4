package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated parameters of GET /api/v1/breaches: breaches that started in [from, to), optionally
 * only open (or only closed) ones, of one unit, of one kind. Defaults: the last 24 hours up to now;
 * with {@code open=true} the last 7 days, so an open breach of any age is listed.
 *
 * @param open null for both open and closed breaches
 * @param unit null for every unit
 * @param kind null for both kinds
 */
public record BreachFilter(Instant from, Instant to, Boolean open, String unit, BreachKind kind) {
  public static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  public static final Duration OPEN_RANGE = Duration.ofDays(7);
  public static final Duration MAX_RANGE = Duration.ofDays(31);
  static final int MAX_UNIT_ID_LENGTH = 200;

  /**
   * Reads the query parameters (each may be null or blank, meaning its default).
   *
   * @throws ApiException 400 with every reason, each naming its parameter
   */
  public static BreachFilter parse(
      String fromText, String toText, String openText, String unit, String kindText, Instant now) {
    List<String> errors = new ArrayList<>();
    Boolean open = null;
    if (!blank(openText)) {
      if (openText.strip().equalsIgnoreCase("true")) open = Boolean.TRUE;
      else if (openText.strip().equalsIgnoreCase("false")) open = Boolean.FALSE;
      else errors.add("open: must be true or false");
    }
    Duration defaultRange = Boolean.TRUE.equals(open) ? OPEN_RANGE : DEFAULT_RANGE;
    Instant parsedFrom = blank(fromText) ? null : TimeParam.parse("from", fromText, errors);
    parsedFrom = Horizon.RAW.check("from", parsedFrom, now, errors);
    Instant to =
        blank(toText)
            ? now
            : Horizon.RAW.check("to", TimeParam.parse("to", toText, errors), now, errors);
    Instant from = !blank(fromText) ? parsedFrom : to == null ? null : to.minus(defaultRange);
    if (from != null && to != null) {
      if (!to.isAfter(from)) {
        errors.add("to: must be after from");
      } else if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
        errors.add("to: must be at most 31 days after from");
      }
    }
    if (!blank(unit) && unit.length() > MAX_UNIT_ID_LENGTH) {
      errors.add("unit: must be 1 to 200 characters");
    }
    BreachKind kind = null;
    if (!blank(kindText)) {
      try {
        kind = BreachKind.valueOf(kindText.strip());
      } catch (IllegalArgumentException e) {
        errors.add("kind: must be OVER_CAP or UNDER_FLOOR");
      }
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    return new BreachFilter(from, to, open, blank(unit) ? null : unit, kind);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

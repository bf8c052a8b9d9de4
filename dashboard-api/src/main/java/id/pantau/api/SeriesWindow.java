package id.pantau.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated {@code from}, {@code to} and {@code step} of a time-series request. Defaults: the
 * last 12 hours up to now, and the finest step that keeps the series at about 720 points.
 */
public record SeriesWindow(Instant from, Instant to, Step step) {
  public static final Duration DEFAULT_RANGE = Duration.ofHours(12);
  public static final Duration MAX_RANGE = Duration.ofDays(31);
  public static final int DEFAULT_POINTS = 720;
  public static final int MAX_POINTS = 10_000;

  /**
   * Reads the query parameters (each may be null, meaning its default).
   *
   * @throws ApiException 400 with every reason, each naming its parameter
   */
  public static SeriesWindow parse(String fromText, String toText, String stepText, Instant now) {
    List<String> errors = new ArrayList<>();
    Instant parsedFrom = fromText == null ? null : TimeParam.parse("from", fromText, errors);
    parsedFrom = Horizon.RAW.check("from", parsedFrom, now, errors);
    Instant to =
        toText == null
            ? now
            : Horizon.RAW.check("to", TimeParam.parse("to", toText, errors), now, errors);
    Instant from = fromText != null ? parsedFrom : to == null ? null : to.minus(DEFAULT_RANGE);

    Step step = null;
    if (stepText != null) {
      try {
        step = Step.parse(stepText);
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    if (from != null && to != null) {
      Duration range = Duration.between(from, to);
      if (!to.isAfter(from)) {
        errors.add("to: must be after from");
      } else if (range.compareTo(MAX_RANGE) > 0) {
        errors.add("to: must be at most 31 days after from");
      } else if (step == null && stepText == null) {
        step = Step.forRange(range, DEFAULT_POINTS);
      } else if (step != null && step.pointsIn(range) > MAX_POINTS) {
        errors.add(
            "step: too fine for the range ("
                + step.pointsIn(range)
                + " points, at most "
                + MAX_POINTS
                + ")");
      }
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    return new SeriesWindow(from, to, step);
  }
}

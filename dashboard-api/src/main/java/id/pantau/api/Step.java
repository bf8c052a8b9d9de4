package id.pantau.api;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The width of one step of a time series, as InfluxQL writes a duration ({@code 30s}, {@code 5m},
 * {@code 1h}, {@code 1d}). Only parsed values become query text: the literal is rebuilt from the
 * number and the unit, never copied from the request.
 */
public record Step(long amount, char unit) {
  public static final Pattern SYNTAX = Pattern.compile("^([1-9][0-9]*)([smhd])$");
  public static final Duration MAX = Duration.ofDays(31);

  /** The steps a default is chosen from, finest first. */
  static final List<Step> LADDER =
      List.of(
          new Step(1, 'm'),
          new Step(2, 'm'),
          new Step(5, 'm'),
          new Step(10, 'm'),
          new Step(15, 'm'),
          new Step(30, 'm'),
          new Step(1, 'h'),
          new Step(2, 'h'),
          new Step(3, 'h'),
          new Step(6, 'h'),
          new Step(12, 'h'),
          new Step(1, 'd'));

  public Step {
    if (amount <= 0) throw new IllegalArgumentException("amount must be positive");
    if ("smhd".indexOf(unit) < 0) throw new IllegalArgumentException("unit must be s, m, h or d");
  }

  /**
   * Parses "5m" and the like; the reason, starting "step: ", when the text is not a step.
   *
   * @throws IllegalArgumentException with the reason
   */
  public static Step parse(String text) {
    Matcher m = text == null ? null : SYNTAX.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "step: must be a whole number followed by s, m, h or d, e.g. 5m (matching "
              + SYNTAX.pattern()
              + ")");
    }
    String digits = m.group(1);
    char unit = m.group(2).charAt(0);
    long amount = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (amount == Long.MAX_VALUE || seconds(amount, unit) > MAX.toSeconds()) {
      throw new IllegalArgumentException("step: must be at most 31d");
    }
    return new Step(amount, unit);
  }

  /** The finest step of the ladder that covers the range in at most {@code maxPoints} steps. */
  public static Step forRange(Duration range, int maxPoints) {
    for (Step s : LADDER) {
      if (s.pointsIn(range) <= maxPoints) return s;
    }
    return LADDER.get(LADDER.size() - 1);
  }

  public Duration duration() {
    return Duration.ofSeconds(seconds(amount, unit));
  }

  /** How many steps a range spans (a partial step counts). */
  public long pointsIn(Duration range) {
    long step = duration().toMillis();
    return (range.toMillis() + step - 1) / step;
  }

  /** The InfluxQL duration literal, e.g. {@code 5m}. */
  public String literal() {
    return Long.toString(amount) + unit;
  }

  @Override
  public String toString() {
    return literal();
  }

  private static long seconds(long amount, char unit) {
    return switch (unit) {
      case 's' -> amount;
      case 'm' -> amount * 60;
      case 'h' -> amount * 3600;
      case 'd' -> amount * 86400;
      default -> throw new IllegalArgumentException("unit");
    };
  }
}

package id.pantau.ingest;

import id.pantau.events.RosterEntry;
import id.pantau.events.TimeBounds;
import id.pantau.events.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Ingest's side of {@link TimeBounds}: every time a request names is judged by ingest's own clock
 * (the system clock, or the simulated one of a replayed day), so a phone whose clock says 2099 gets
 * a 400 naming the field instead of freezing a unit's count.
 */
final class ClockGuard {
  static final String CLOCK = "the server clock";

  private final TimeBounds bounds;
  private final Clock clock;

  ClockGuard(TimeBounds bounds, Clock clock) {
    this.bounds = bounds;
    this.clock = clock;
  }

  /** Why an event's time cannot be taken at receipt time {@code receivedAt}, or null. */
  String eventTime(String text, long timeMs, long receivedAt) {
    return bounds.eventTime("time", text, timeMs, receivedAt, CLOCK);
  }

  /**
   * The validator of a versioned record, then its effectiveFrom against the clock: up to the plan
   * horizon ahead, back no further than the oldest event still taken.
   */
  <T> Function<T, List<String>> versioned(
      Function<T, List<String>> validator, Function<T, String> text, ToLongFunction<T> fromMs) {
    return value -> {
      List<String> errors = validator.apply(value);
      if (!errors.isEmpty()) return errors;
      String reason = effectiveFrom(text.apply(value), fromMs.applyAsLong(value));
      return reason == null ? errors : List.of(reason);
    };
  }

  /** The unit's validator, then its effectiveFrom when it gives one (none means now). */
  Function<Unit, List<String>> unit() {
    return unit -> {
      List<String> errors = unit.validate();
      if (!errors.isEmpty() || unit.effectiveFrom == null) return errors;
      String reason = effectiveFrom(unit.effectiveFrom, unit.effectiveFromMs);
      return reason == null ? errors : List.of(reason);
    };
  }

  /**
   * The roster row's validator, then its date: up to the plan horizon ahead, the event age back.
   */
  Function<RosterEntry, List<String>> roster() {
    return row -> {
      List<String> errors = row.validate();
      if (!errors.isEmpty()) return errors;
      long now = clock.millis();
      String reason = bounds.rosterDate("date", row.localDate(), now, now - bounds.maxAgeMs());
      if (reason == null) return errors;
      List<String> all = new ArrayList<>(errors);
      all.add(reason);
      return all;
    };
  }

  private String effectiveFrom(String text, long fromMs) {
    long now = clock.millis();
    return bounds.effectiveFrom("effectiveFrom", text, fromMs, now, now - bounds.maxAgeMs(), CLOCK);
  }
}

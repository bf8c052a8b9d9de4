package id.pantau.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link TopicFollower} starts reading the partitions it finds at its first listing of the
 * topic. Partitions found later (added to the topic, or the whole topic when it did not exist yet)
 * are read from their beginning: every record in them was written after the follower started.
 */
public sealed interface Start {

  /** Every record still in the topic (a compacted topic: the latest per key). */
  static Start beginning() {
    return new Beginning();
  }

  /** Only what is written from the first listing on. */
  static Start end() {
    return new End();
  }

  /**
   * The records of the last {@code back} by {@code clock} (at the first listing), by record
   * timestamp; a partition with no record that recent starts at its end.
   */
  static Start within(Duration back, Clock clock) {
    return new Within(back, clock);
  }

  /**
   * Given positions: the next offset to read per partition number; a partition not named starts at
   * its beginning. An offset out of range (deleted by retention) also reads from the beginning.
   */
  static Start at(Map<Integer, Long> offsets) {
    return new At(Map.copyOf(offsets));
  }

  record Beginning() implements Start {}

  record End() implements Start {}

  record Within(Duration back, Clock clock) implements Start {
    public Within {
      Objects.requireNonNull(back, "back");
      Objects.requireNonNull(clock, "clock");
      if (back.isNegative()) throw new IllegalArgumentException("back: must not be negative");
    }
  }

  record At(Map<Integer, Long> offsets) implements Start {}
}

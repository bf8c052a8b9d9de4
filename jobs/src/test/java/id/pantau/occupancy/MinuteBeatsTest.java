package id.pantau.occupancy;

import static id.pantau.occupancy.MinuteBeats.After.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.occupancy.MinuteBeats.After;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which minute comes next, and what follows a minute's point. */
class MinuteBeatsTest {
  static final long MINUTE = MinuteBeats.MINUTE;
  static final long HOUR = 60 * MINUTE;

  @ParameterizedTest(name = "after {0} ms the next minute is {1}")
  @CsvSource({"0, 60000", "1, 60000", "59999, 60000", "60000, 120000", "-1, 0"})
  void theNextMinuteIsTheFirstWholeMinuteAfter(long timeMs, long next) {
    assertThat(MinuteBeats.after(timeMs)).isEqualTo(next);
  }

  @ParameterizedTest(name = "{0}: {6}")
  @CsvSource({
    // case,                                   beat, watermark, toTheEnd, factsWait, lastDayEnd,
    // after
    "live: the next minute,                     60,  61,        false,    false,     -1,         NEXT",
    "live: a jump of exactly the limit,         60,  120,       false,    false,     -1,         NEXT",
    "live: a jump beyond the limit,             60,  121,       false,    false,     -1,         SKIP_TO_WATERMARK",
    "replay: before the last day's end,         60,  999999,    true,     false,     120,        NEXT",
    "replay: at the last day's end,             120, 999999,    true,     false,     120,        STOP",
    "replay: facts still wait after the end,    120, 999999,    true,     true,      120,        NEXT",
    "replay: no fact yet,                       120, 999999,    true,     false,     ,           STOP"
  })
  void afterAMinutesPoint(
      String situation,
      long beatMinute,
      long watermarkMinute,
      boolean toTheEnd,
      boolean factsWait,
      Long lastDayEndMinute,
      After expected) {
    long lastDayEnd = lastDayEndMinute == null ? Long.MIN_VALUE : lastDayEndMinute * MINUTE;
    assertThat(
            MinuteBeats.afterBeat(
                beatMinute * MINUTE,
                watermarkMinute * MINUTE,
                HOUR,
                toTheEnd,
                factsWait,
                lastDayEnd))
        .isEqualTo(expected);
  }
}

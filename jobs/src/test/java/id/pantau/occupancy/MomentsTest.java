package id.pantau.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One timer decides every moment up to the watermark, in time order, each once. */
class MomentsTest {
  /** The moments, with a beat every `beatEvery` ms from `beat` on (0: a single beat). */
  static List<Long> walk(Moments m, Long beat, long beatEvery) {
    List<Long> out = new ArrayList<>();
    Long b = beat;
    while (m.hasNext(b)) {
      long t = m.next(b);
      out.add(t);
      if (b != null && t == b) b = beatEvery == 0 ? null : b + beatEvery;
    }
    return out;
  }

  @Test
  void decidesTheSecondsAndTheMinutesUpToTheWatermarkInTimeOrder() {
    Moments m = new Moments(new long[] {1_000, 59_000, 60_000, 61_000, 200_000}, 130_000, 1_000, 0);
    assertThat(walk(m, 60_000L, 60_000))
        .containsExactly(1_000L, 59_000L, 60_000L, 61_000L, 120_000L);
    assertThat(m.wakeAfter(180_000L)).isEqualTo(180_000L);
    assertThat(m.wakeAfter(null)).isEqualTo(200_000L);
  }

  @Test
  void decidesTheMomentOfATimerRestoredFromBeforeItselfOnce() {
    Moments m = new Moments(new long[] {5_000}, 10_000, 3_000, Long.MIN_VALUE);
    assertThat(walk(m, null, 0)).containsExactly(3_000L, 5_000L);
    assertThat(m.wakeAfter(null)).isEqualTo(UnitMemo.NO_TIMER);
  }

  @Test
  void aTimerAtOrBeforeTheLastCatchUpDecidesNothingItself() {
    Moments m = new Moments(new long[] {}, 10_000, 3_000, 3_000);
    assertThat(walk(m, null, 0)).isEmpty();
  }

  @Test
  void aTimerThatIsAlsoASecondAndAMinuteIsOneMoment() {
    Moments m = new Moments(new long[] {60_000}, 60_000, 60_000, 0);
    assertThat(walk(m, 60_000L, 0)).containsExactly(60_000L);
  }
}

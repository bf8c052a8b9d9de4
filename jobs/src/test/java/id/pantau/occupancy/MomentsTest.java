package id.pantau.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One timer decides every moment up to the watermark, in time order, each once. */
class MomentsTest {
  /**
   * The moments decided, as the tracker's clock walks them: each takes its second, and a beat
   * schedules the next one `beatEvery` ms later (0: none).
   */
  static List<Long> walk(Moments m, TreeSet<Long> seconds, Long beat, long beatEvery) {
    List<Long> out = new ArrayList<>();
    Long b = beat;
    for (Long t = m.next(first(seconds), b); t != null; t = m.next(first(seconds), b)) {
      out.add(t);
      seconds.remove(t);
      if (t.equals(b)) b = beatEvery == 0 ? null : b + beatEvery;
    }
    return out;
  }

  static Long first(TreeSet<Long> seconds) {
    return seconds.isEmpty() ? null : seconds.first();
  }

  static TreeSet<Long> seconds(Long... s) {
    return new TreeSet<>(List.of(s));
  }

  @Test
  void decidesTheSecondsAndTheMinutesUpToTheWatermarkInTimeOrder() {
    TreeSet<Long> due = seconds(1_000L, 59_000L, 60_000L, 61_000L, 200_000L);
    Moments m = new Moments(130_000, 1_000, 0);
    assertThat(walk(m, due, 60_000L, 60_000))
        .containsExactly(1_000L, 59_000L, 60_000L, 61_000L, 120_000L);
    assertThat(due).containsExactly(200_000L);
  }

  @Test
  void decidesTheMomentOfATimerRestoredFromBeforeItselfOnce() {
    Moments m = new Moments(10_000, 3_000, Long.MIN_VALUE);
    assertThat(walk(m, seconds(5_000L), null, 0)).containsExactly(3_000L, 5_000L);
  }

  @Test
  void aTimerAtOrBeforeTheLastCatchUpDecidesNothingItself() {
    Moments m = new Moments(10_000, 3_000, 3_000);
    assertThat(walk(m, seconds(), null, 0)).isEmpty();
  }

  @Test
  void aTimerThatIsAlsoASecondAndAMinuteIsOneMoment() {
    Moments m = new Moments(60_000, 60_000, 0);
    assertThat(walk(m, seconds(60_000L), 60_000L, 0)).containsExactly(60_000L);
  }

  @ParameterizedTest(name = "first second {0}, beat {1}: wakes at {2}")
  @CsvSource({"5000, 60000, 5000", "61000, 60000, 60000", ", 60000, 60000", "5000, , 5000"})
  void theNextWakeIsTheFirstSecondDueOrTheBeat(Long second, Long beat, long wake) {
    assertThat(Moments.wake(second, beat)).isEqualTo(wake);
  }

  @Test
  void withNothingDueThereIsNoWake() {
    assertThat(Moments.wake(null, null)).isEqualTo(UnitMemo.NO_TIMER);
  }
}

package id.pantau.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.occupancy.DueSeconds.Due;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a waiting event falls due, what a second keeps of it, and the order a second applies. */
class DueSecondsTest {
  static final long IN_AT_1500 = PresenceMark.of(1_500, true);
  static final long OUT_AT_1500 = PresenceMark.of(1_500, false);
  static final long IN_AT_1200 = PresenceMark.of(1_200, true);

  @ParameterizedTest(name = "an event at {0} ms falls due at {1}")
  @CsvSource({
    "0, 0",
    "1, 1000",
    "999, 1000",
    "1000, 1000",
    "1001, 2000",
    "59999, 60000",
    "-1, 0",
    "-1000, -1000",
    "-1001, -1000"
  })
  void anEventFallsDueAtTheNextWholeSecond(long timeMs, long due) {
    assertThat(DueSeconds.dueAt(timeMs)).isEqualTo(due);
  }

  @ParameterizedTest(name = "the key of {0} at {1} ms is {2}")
  @CsvSource({"a, 1500, a@1500", "nip@with-at, 7, nip@with-at@7"})
  void aWaitingFactIsKeyedByEmployeeAndTimeAndGivesItsEmployeeBack(
      String nip, long timeMs, String key) {
    assertThat(DueSeconds.key(nip, timeMs)).isEqualTo(key);
    assertThat(DueSeconds.nipOf(key)).isEqualTo(nip);
  }

  @Test
  void aSecondKeepsTheLaterFactOfAnEmployeeAtOneMillisecond() {
    Map<String, Long> first = DueSeconds.with(null, "a", IN_AT_1500);
    assertThat(first).containsExactly(Map.entry("a@1500", IN_AT_1500));

    Map<String, Long> out = DueSeconds.with(first, "a", OUT_AT_1500);
    assertThat(out).containsExactly(Map.entry("a@1500", OUT_AT_1500));
    assertThat(first).as("never changed in place").containsExactly(Map.entry("a@1500", IN_AT_1500));

    assertThat(DueSeconds.with(out, "a", IN_AT_1500)).as("an earlier fact adds nothing").isNull();
    assertThat(DueSeconds.with(out, "a", OUT_AT_1500)).as("a duplicate adds nothing").isNull();
    assertThat(DueSeconds.with(out, "a", IN_AT_1200)).hasSize(2);
  }

  @Test
  void aSecondAppliesItsFactsInEventTimeOrderWithTheFormerLayoutsAmongThem() {
    Map<String, Long> waiting = Map.of("a@1500", OUT_AT_1500, "b@1500", IN_AT_1500);
    List<Due> due = DueSeconds.inOrder(waiting, List.of(new Due("c", IN_AT_1200)));

    assertThat(due)
        .containsExactly(
            new Due("c", IN_AT_1200), new Due("b", IN_AT_1500), new Due("a", OUT_AT_1500));
    assertThat(DueSeconds.inOrder(null, List.of())).isEmpty();
  }
}

package id.pantau.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AheadOfWatermarkTest {
  static final long IN_AT_10 = PresenceMark.of(10_000, true);
  static final long OUT_AT_20 = PresenceMark.of(20_000, false);
  static final long IN_AT_30 = PresenceMark.of(30_000, true);

  @Test
  void aCheckInAheadOfAnAbsentEmployeeAddsOne() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    assertThat(ahead.arrive("a", IN_AT_10, null)).isTrue();
    assertThat(ahead.delta()).isEqualTo(1);
  }

  @Test
  void onlyTheEmployeesLatestWaitingEventCounts() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    ahead.arrive("a", OUT_AT_20, IN_AT_10);
    assertThat(ahead.delta()).isEqualTo(-1);
    assertThat(ahead.arrive("a", IN_AT_10, null)).isFalse(); // older than the one waiting
    assertThat(ahead.arrive("a", IN_AT_30, IN_AT_10)).isTrue();
    assertThat(ahead.delta()).isZero();
  }

  @Test
  void settlingTheLatestEventLeavesNothingBehind() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    ahead.arrive("a", IN_AT_10, null);
    ahead.arrive("a", OUT_AT_20, null);
    ahead.exactMoved("a", IN_AT_10);
    ahead.settled("a", IN_AT_10); // a later one still waits
    assertThat(ahead.delta()).isEqualTo(-1);
    ahead.exactMoved("a", OUT_AT_20);
    ahead.settled("a", OUT_AT_20);
    assertThat(ahead.delta()).isZero();
    assertThat(ahead.isEmpty()).isTrue();
  }

  @Test
  void aNewDayClearsEverything() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    ahead.arrive("a", IN_AT_10, null);
    ahead.clear();
    assertThat(ahead.delta()).isZero();
    assertThat(ahead.isEmpty()).isTrue();
  }

  @Test
  void asksForOneTickAndShowsTheLatestSecondAtIt() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    assertThat(ahead.show(11_000)).isTrue();
    assertThat(ahead.show(13_000)).isFalse(); // a tick is pending already
    assertThat(ahead.show(12_000)).isFalse();
    assertThat(ahead.takeShown()).isEqualTo(13_000);
    assertThat(ahead.takeShown()).isEqualTo(Long.MIN_VALUE);
    assertThat(ahead.show(14_000)).isTrue();
  }

  @Test
  void aDecidedSecondIsNotShownAnyMore() {
    AheadOfWatermark ahead = new AheadOfWatermark();
    ahead.show(11_000);
    ahead.decided(11_000);
    assertThat(ahead.takeShown()).isEqualTo(Long.MIN_VALUE);
  }
}

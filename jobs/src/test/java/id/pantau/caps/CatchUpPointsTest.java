package id.pantau.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatchUpPointsTest {
  static final long NOW = 1_795_000_000_000L;
  static final long TWO_MINUTES = 120_000L;
  static final long AN_HOUR_AGO_ON_THE_MINUTE = (NOW - 3_600_000L) / 60_000 * 60_000;

  @Test
  void keepsEveryPointNearTheWallClock() {
    CatchUpPoints f = new CatchUpPoints(TWO_MINUTES);
    assertThat(f.keeps(NOW - 1_234, NOW)).isTrue();
    assertThat(f.keeps(NOW + 1_000, NOW)).isTrue();
  }

  @Test
  void keepsOnlyTheMinutePointsOfACatchUp() {
    CatchUpPoints f = new CatchUpPoints(TWO_MINUTES);
    assertThat(f.keeps(AN_HOUR_AGO_ON_THE_MINUTE, NOW)).isTrue();
    assertThat(f.keeps(AN_HOUR_AGO_ON_THE_MINUTE + 1_000, NOW)).isFalse();
  }

  @Test
  void zeroKeepsEverything() {
    assertThat(new CatchUpPoints(0).keeps(AN_HOUR_AGO_ON_THE_MINUTE + 1_000, NOW)).isTrue();
  }

  @Test
  void refusesANegativeSetting() {
    assertThatThrownBy(() -> new CatchUpPoints(-1)).hasMessageContaining("thinAfterMs");
  }
}

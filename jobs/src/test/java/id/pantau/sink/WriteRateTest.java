package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteRateTest {
  static final long SECOND = 1_000_000_000L;

  long now = 5 * SECOND;
  WriteRate rate = new WriteRate(5_000, () -> now);

  @Test
  void letsASecondsWorthOfPointsGoAtOnce() {
    assertThat(rate.reserve(3_000)).isZero();
    assertThat(rate.reserve(2_000)).isZero();
  }

  @Test
  void makesAReplayWaitSoThatItsPointsKeepToTheRate() {
    rate.reserve(5_000); // the second of credit
    assertThat(rate.reserve(5_000)).isEqualTo(SECOND);
    now += SECOND; // it waited
    assertThat(rate.reserve(2_500)).isEqualTo(SECOND / 2);
    now += 10 * SECOND; // quiet for a while: the credit is back, but no more than a second
    assertThat(rate.reserve(5_000)).isZero();
    assertThat(rate.reserve(1)).isEqualTo(SECOND / 5_000);
  }

  @Test
  void tellsHowLongUntilPointsCouldGoWithoutGrantingThem() {
    assertThat(rate.nanosUntil(5_000)).isZero();
    assertThat(rate.nanosUntil(7_500)).isEqualTo(SECOND / 2);
    assertThat(rate.nanosUntil(7_500)).as("asking grants nothing").isEqualTo(SECOND / 2);
    rate.reserve(5_000);
    assertThat(rate.nanosUntil(2_500)).isEqualTo(SECOND / 2);
  }

  @Test
  void tenThousandPointsInSmallBatchesTakeASecondMoreThanTheCredit() {
    long waited = 0;
    for (int i = 0; i < 100; i++) {
      long w = rate.reserve(100);
      waited += w;
      now += w; // each batch is sent once its wait is over
    }
    assertThat(waited).isEqualTo(SECOND);
  }

  @Test
  void isOneRatePerServerAndNoneWhenUnlimited() {
    assertThat(WriteRate.forServer("http://127.0.0.1:1", 100))
        .isSameAs(WriteRate.forServer("http://127.0.0.1:1", 100))
        .isNotSameAs(WriteRate.forServer("http://127.0.0.1:2", 100));
    assertThat(WriteRate.forServer("http://127.0.0.1:1", 0)).isNull();
  }

  @Test
  void refusesANegativeRate() {
    assertThatThrownBy(() -> new WriteRate(-1, () -> 0)).hasMessageContaining("maxPointsPerSecond");
  }
}

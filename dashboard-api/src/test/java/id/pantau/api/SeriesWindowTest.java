package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {
  static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  @Test
  void defaultsToTheLast12HoursInOneMinuteSteps() {
    SeriesWindow w = SeriesWindow.parse(null, null, null, NOW);

    assertThat(w.to()).isEqualTo(NOW);
    assertThat(w.from()).isEqualTo(NOW.minus(Duration.ofHours(12)));
    assertThat(w.step().literal()).isEqualTo("1m");
  }

  @Test
  void theDefaultStepKeepsAnyRangeAtMost720Points() {
    for (long hours = 1; hours <= 31 * 24; hours += 7) {
      Duration range = Duration.ofHours(hours);
      Step s = Step.forRange(range, SeriesWindow.DEFAULT_POINTS);
      assertThat(s.pointsIn(range)).as(range.toString()).isLessThanOrEqualTo(720);
    }
    assertThat(Step.forRange(Duration.ofDays(31), 720).literal()).isEqualTo("2h");
    assertThat(Step.forRange(Duration.ofHours(24), 720).literal()).isEqualTo("2m");
  }

  @Test
  void onlyFromGivenRunsToNowAndOnlyToGivenStarts12HoursBefore() {
    SeriesWindow fromOnly = SeriesWindow.parse("2026-11-23T08:00:00+07:00", null, "5m", NOW);
    assertThat(fromOnly.from()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    assertThat(fromOnly.to()).isEqualTo(NOW);

    SeriesWindow toOnly = SeriesWindow.parse(null, "2026-11-23T08:00:00+07:00", null, NOW);
    assertThat(toOnly.from()).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
  }

  @Test
  void anUnencodedPlusOfTheOffsetIsReadAsMeant() {
    SeriesWindow w = SeriesWindow.parse("2026-11-23T08:00:00 07:00", null, null, NOW);

    assertThat(w.from()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
  }

  @Test
  void aStepTooFineForTheRangeIsRefused() {
    assertThatThrownBy(
            () ->
                SeriesWindow.parse(
                    "2026-11-01T00:00:00Z", "2026-11-23T00:00:00Z", "1s", NOW.plusSeconds(1)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors()).singleElement().asString().startsWith("step: too fine");
            });
  }

  @Test
  void aStepIsRebuiltFromItsNumberAndUnit() {
    assertThat(Step.parse("15m").literal()).isEqualTo("15m");
    assertThat(Step.parse("90s").duration()).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> Step.parse("32d")).hasMessage("step: must be at most 31d");
    assertThatThrownBy(() -> Step.parse("99999999999999999999m"))
        .hasMessage("step: must be at most 31d");
    assertThatThrownBy(() -> Step.parse("5m); DROP DATABASE pantau"))
        .hasMessageStartingWith("step: must be a whole number");
  }
}

package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBoundsTest {
  static final long NOW = Instant.parse("2026-12-06T03:00:00Z").toEpochMilli();
  static final long FIVE_MINUTES = 5 * 60_000L;
  static final long SEVEN_DAYS = 7 * 86_400_000L;
  static final TimeBounds BOUNDS = TimeBounds.DEFAULT;

  @Test
  void anEventUpToTheSkewAheadOrTheAgeBackIsTaken() {
    assertThat(BOUNDS.eventTime("time", "t", NOW + FIVE_MINUTES, NOW, "the clock")).isNull();
    assertThat(BOUNDS.eventTime("time", "t", NOW - SEVEN_DAYS, NOW, "the clock")).isNull();
  }

  @Test
  void anEventBeyondTheSkewNamesHowFarAheadItIs() {
    assertThat(BOUNDS.eventTime("time", "t", NOW + FIVE_MINUTES + 1, NOW, "the clock"))
        .isEqualTo(
            "time: t is 5 minutes ahead of the clock; at most 5 minutes ahead is accepted: check"
                + " the device's clock");
  }

  @Test
  void anEventOlderThanTheAgeNamesHowOldItIs() {
    assertThat(BOUNDS.eventTime("time", "t", NOW - SEVEN_DAYS - 86_400_000L, NOW, "the clock"))
        .startsWith("time: t is 8 days older than the clock; events up to 7 days old are accepted");
  }

  @Test
  void aChangeMayBePlannedAYearAheadButNotFurther() {
    long year = 366 * 86_400_000L;
    assertThat(BOUNDS.effectiveFrom("effectiveFrom", "x", NOW + year, NOW, 0, "c")).isNull();
    assertThat(BOUNDS.effectiveFrom("effectiveFrom", "x", NOW + year + 1, NOW, 0, "c"))
        .isEqualTo(
            "effectiveFrom: x is 1 year ahead of c; a change may be planned at most 366 days ahead");
  }

  @Test
  void theJobsTakeAnyChangeFrom2000OnSoALevelSetLongAgoStaysInForce() {
    long longAgo = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();
    assertThat(
            BOUNDS.effectiveFrom("effectiveFrom", "x", longAgo, NOW, TimeBounds.EARLIEST_MS, "c"))
        .isNull();
    assertThat(BOUNDS.effectiveFrom("effectiveFrom", "x", -1, NOW, TimeBounds.EARLIEST_MS, "c"))
        .isEqualTo(
            "effectiveFrom: x is before 2000-01-01T00:00:00Z; a change may take effect from then on");
  }

  @Test
  void aRosterDateHasADayOfSlackForTheLocalZones() {
    assertThat(
            BOUNDS.rosterDate("date", LocalDate.parse("2027-12-08"), NOW, TimeBounds.EARLIEST_MS))
        .isNull();
    assertThat(
            BOUNDS.rosterDate("date", LocalDate.parse("2027-12-09"), NOW, TimeBounds.EARLIEST_MS))
        .isEqualTo(
            "date: 2027-12-09 is more than 366 days ahead; rosters may be planned up to 2027-12-08");
    assertThat(BOUNDS.rosterDate("date", LocalDate.parse("2026-11-28"), NOW, NOW - SEVEN_DAYS))
        .isNull();
    assertThat(BOUNDS.rosterDate("date", LocalDate.parse("2026-11-27"), NOW, NOW - SEVEN_DAYS))
        .isEqualTo("date: 2026-11-27 is before 2026-11-28; rosters are taken from then on");
  }

  @Test
  void spansAreTheLargestWholeUnit() {
    assertThat(TimeBounds.span(73L * 365 * 86_400_000L + 30 * 86_400_000L)).isEqualTo("73 years");
    assertThat(TimeBounds.span(86_400_000L)).isEqualTo("1 day");
    assertThat(TimeBounds.span(3 * 3_600_000L + 1)).isEqualTo("3 hours");
    assertThat(TimeBounds.span(1_500)).isEqualTo("1 second");
  }

  @Test
  void theEnvironmentSetsEachBoundAndAMalformedValueNamesItsVariable() {
    TimeBounds b = TimeBounds.fromEnv(Map.of("PANTAU_MAX_CLOCK_SKEW_MS", "1000"));
    assertThat(b).isEqualTo(new TimeBounds(1000, SEVEN_DAYS, 366 * 86_400_000L));
    assertThatThrownBy(() -> TimeBounds.fromEnv(Map.of("PANTAU_MAX_EVENT_AGE_MS", "a week")))
        .hasMessage("PANTAU_MAX_EVENT_AGE_MS: must be a whole number (got 'a week')");
  }
}

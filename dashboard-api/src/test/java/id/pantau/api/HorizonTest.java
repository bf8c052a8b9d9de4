package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorizonTest {
  static final Instant NOW = Instant.parse("2026-11-23T05:00:00.250Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-23");

  @Test
  void rawPointsReachBack31DaysAndAheadOneDayToTheSecond() {
    assertThat(Horizon.RAW.earliest(NOW)).isEqualTo(Instant.parse("2026-10-23T05:00:01Z"));
    assertThat(Horizon.latest(NOW)).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    assertThat(Horizon.RAW.earliest(TODAY)).isEqualTo(LocalDate.parse("2026-10-23"));
    assertThat(Horizon.latest(TODAY)).isEqualTo(LocalDate.parse("2026-11-24"));
    assertThat(Horizon.TRENDS.earliest(TODAY)).isEqualTo(TODAY.minusDays(1832));
  }

  @Test
  void aValueOutsideIsNullWithOneReasonNamingTheField() {
    List<String> errors = new ArrayList<>();

    assertThat(Horizon.RAW.check("to", Instant.parse("2026-11-24T05:00:01Z"), NOW, errors))
        .isNull();
    assertThat(Horizon.RAW.check("date", LocalDate.parse("2026-10-22"), TODAY, errors)).isNull();
    assertThat(Horizon.notAhead("date", LocalDate.parse("2026-11-25"), TODAY, errors)).isNull();
    assertThat(Horizon.RAW.check("from", NOW, NOW, errors)).isEqualTo(NOW);
    assertThat(errors)
        .containsExactly(
            "to: must be from 2026-10-23T05:00:01Z to 2026-11-24T05:00:00Z (retention policy raw"
                + " keeps 30 days; nothing lies more than a day ahead of now): ask within that"
                + " range",
            "date: must be a date from 2026-10-23 to 2026-11-24 (retention policy raw keeps 30"
                + " days; nothing lies more than a day ahead of today): ask for a date in that"
                + " range",
            "date: must be at most 2026-11-24 (nothing lies more than a day ahead of today): ask"
                + " for a date up to then");
  }

  @Test
  void nearInfluxdbsLimitsTheRangeStopsAtThem() {
    // A clock near the end of what InfluxDB holds (int64 nanoseconds): nothing past it is asked.
    Instant late = Instant.parse("2262-04-11T12:00:00Z");
    assertThat(Horizon.latest(late)).isBeforeOrEqualTo(Horizon.INFLUX_MAX);
    assertThat(Horizon.latest(LocalDate.parse("2262-04-11"))).isEqualTo("2262-04-11");
    assertThat(LocalDates.latestEnd(LocalDate.parse("2262-04-11"))).isBefore(Horizon.INFLUX_MAX);

    Instant early = Instant.parse("1677-09-22T00:00:00Z");
    assertThat(Horizon.RAW.earliest(early)).isAfter(Horizon.INFLUX_MIN);
    assertThat(Horizon.RAW.earliest(LocalDate.parse("1677-10-01"))).isEqualTo("1677-09-22");
    assertThat(LocalDates.earliestStart(LocalDate.parse("1677-09-22"))).isAfter(Horizon.INFLUX_MIN);
  }

  @Test
  void seriesAndBreachesRefuseInstantsBeyondTheirReachNamingEach() {
    assertThatThrownBy(
            () -> SeriesWindow.parse("1677-09-21T00:12:43Z", "9999-12-31T23:59:59Z", null, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.errors())
                    .satisfiesExactly(
                        f -> assertThat(f).startsWith("from: must be from 2026-10-23T05:00:01Z"),
                        t -> assertThat(t).startsWith("to: must be from 2026-10-23T05:00:01Z")));
    assertThatThrownBy(
            () -> BreachFilter.parse(null, "+999999999-12-31T23:59:59Z", null, null, null, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errors()).singleElement().asString().startsWith("to: must be from"));
  }
}

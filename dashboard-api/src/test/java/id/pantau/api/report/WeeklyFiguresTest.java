package id.pantau.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pantau.api.TrendRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's figures from a table of daily rollups, without InfluxDB. */
class WeeklyFiguresTest {
  static final String REGION = "kota-tangerang";
  static final IsoWeek W49 = IsoWeek.parse("2026-W49"); // Monday 30 November to Sunday 6 December

  /** A unit's rollup: attendance reported of expected, WFH reported of expected (null: none). */
  static TrendRow row(
      String date, String unit, Integer ae, Integer ar, Integer we, Integer wr, int br, int min) {
    return row(date, unit, REGION, ae, ar, we, wr, br, min);
  }

  static TrendRow row(
      String date,
      String unit,
      String region,
      Integer ae,
      Integer ar,
      Integer we,
      Integer wr,
      int br,
      int min) {
    Double rate = ae == null ? null : ar / (double) ae;
    Double wfh = we == null ? null : wr / (double) we;
    return new TrendRow(date, unit, region, rate, wfh, 10, 5.0, min, br + 2, ae, ar, we, wr, br);
  }

  static final List<TrendRow> TWO_WEEKS =
      List.of(
          row("2026-11-30", "tng-a", 10, 9, 4, 4, 1, 30),
          row("2026-11-30", "tng-b", 90, 72, 20, 15, 0, 0),
          row("2026-12-01", "tng-a", 10, 10, 4, 3, 0, 0),
          row("2026-12-02", "tng-b", 90, 81, 20, 18, 2, 45),
          row("2026-12-02", "tng-c", null, null, null, null, 0, 5), // nobody expected
          row("2026-12-02", "srg-x", "kota-serang", 10, 0, 10, 0, 9, 999), // another region
          row("2026-11-24", "tng-a", 10, 8, 4, 2, 4, 100), // the week before
          row("2026-11-24", "tng-b", 90, 90, 20, 20, 0, 0),
          row("2026-11-22", "tng-a", 10, 0, 4, 0, 7, 700)); // two weeks before: ignored

  @Test
  void ratesAreRatiosOfSummedCountsNotAveragesOfDailyRates() {
    WeeklyReport r = WeeklyFigures.of(REGION, W49, TWO_WEEKS);

    // (9 + 72 + 10 + 81) / (10 + 90 + 10 + 90); the daily rates' mean would be 0.903
    assertThat(r.thisWeek().attendanceRate()).isCloseTo(0.86, within(1e-12));
    assertThat(r.thisWeek().attendanceExpected()).isEqualTo(200);
    assertThat(r.thisWeek().wfhCompliance()).isCloseTo(40 / 48.0, within(1e-12));
    assertThat(r.thisWeek().breaches()).isEqualTo(3);
    assertThat(r.thisWeek().minutesOverCap()).isEqualTo(80);
    assertThat(r.thisWeek().units()).isEqualTo(3);
  }

  @Test
  void weekOverWeekIsThisWeekMinusTheWeekBefore() {
    WeeklyReport r = WeeklyFigures.of(REGION, W49, TWO_WEEKS);

    assertThat(r.previousWeek().attendanceRate()).isCloseTo(0.98, within(1e-12));
    assertThat(r.change().attendanceRate()).isCloseTo(0.86 - 0.98, within(1e-12));
    assertThat(r.change().wfhCompliance()).isCloseTo(40 / 48.0 - 22 / 24.0, within(1e-12));
    assertThat(r.change().breaches()).isEqualTo(-1);
    assertThat(r.change().minutesOverCap()).isEqualTo(-20);
  }

  @Test
  void withoutAPreviousWeekTheChangeIsUnknown() {
    WeeklyReport r =
        WeeklyFigures.of(REGION, W49, List.of(row("2026-12-01", "tng-a", 10, 10, 4, 3, 0, 0)));

    assertThat(r.previousWeek().empty()).isTrue();
    assertThat(r.change()).isEqualTo(new WeeklyReport.Change(null, null, null, null));
  }

  @Test
  void bestAndWorstUnitsByAttendanceLeaveOutUnitsWithNobodyExpected() {
    WeeklyReport r = WeeklyFigures.of(REGION, W49, TWO_WEEKS);

    assertThat(r.best()).isEqualTo(new WeeklyReport.UnitRate("tng-a", 20, 19));
    assertThat(r.worst()).isEqualTo(new WeeklyReport.UnitRate("tng-b", 180, 153));
  }

  @Test
  void equalRatesAreBrokenByMoreStaffExpectedThenByUnitId() {
    List<TrendRow> rows =
        List.of(
            row("2026-12-01", "tng-d", 10, 9, null, null, 0, 0),
            row("2026-12-01", "tng-f", 10, 9, null, null, 0, 0),
            row("2026-12-01", "tng-e", 6, 2, null, null, 0, 0),
            row("2026-12-01", "tng-g", 3, 1, null, null, 0, 0), // 1/3 = 2/6 exactly
            row("2026-12-01", "tng-h", 6, 2, null, null, 0, 0));

    WeeklyReport r = WeeklyFigures.of(REGION, W49, rows);

    assertThat(r.best().unit()).isEqualTo("tng-d");
    assertThat(r.worst().unit()).isEqualTo("tng-e"); // 6 expected before 3, then e before h
    List<TrendRow> backwards = new ArrayList<>(rows);
    Collections.reverse(backwards);
    assertThat(WeeklyFigures.of(REGION, W49, backwards).worst().unit()).isEqualTo("tng-e");
    assertThat(WeeklyFigures.of(REGION, W49, backwards).best().unit()).isEqualTo("tng-d");
  }

  @Test
  void everyDayOfTheWeekIsListedEmptyDaysIncluded() {
    WeeklyReport r = WeeklyFigures.of(REGION, W49, TWO_WEEKS);

    assertThat(r.days())
        .extracting(WeeklyReport.Day::date)
        .first()
        .isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(r.days()).hasSize(7);
    Totals monday = r.days().get(0).totals();
    assertThat(monday.attendanceRate()).isCloseTo(0.81, within(1e-12));
    assertThat(monday.minutesOverCap()).isEqualTo(30);
    Totals wednesday = r.days().get(2).totals();
    assertThat(wednesday.attendanceRate()).isCloseTo(0.9, within(1e-12));
    assertThat(wednesday.units()).isEqualTo(2);
    Totals sunday = r.days().get(6).totals();
    assertThat(sunday.empty()).isTrue();
    assertThat(sunday.attendanceRate()).isNull();
    assertThat(sunday.breaches()).isZero();
  }

  @Test
  void aWeekWithoutRollupsIsEmptyWithoutBestOrWorst() {
    WeeklyReport r = WeeklyFigures.of(REGION, IsoWeek.parse("2026-W46"), TWO_WEEKS);

    assertThat(r.thisWeek().empty()).isTrue();
    assertThat(r.best()).isNull();
    assertThat(r.worst()).isNull();
    assertThat(r.days()).allMatch(d -> d.totals().empty());
  }

  @Test
  void rollupsWithoutCountsAddNothingToARate() {
    TrendRow old =
        new TrendRow(
            "2026-12-01", "tng-a", REGION, 0.1, 0.1, 1, 1.0, 0, 0, null, null, null, null, null);
    WeeklyReport r =
        WeeklyFigures.of(REGION, W49, List.of(old, row("2026-12-01", "tng-b", 10, 9, 2, 2, 0, 0)));

    assertThat(r.thisWeek().attendanceRate()).isCloseTo(0.9, within(1e-12));
    assertThat(r.thisWeek().units()).isEqualTo(2);
  }
}

package id.pantau.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A region's week for its leaders, aggregates only (no person): the week's totals, the previous
 * week's and the change, the units of the best and worst attendance rate, and each day's totals.
 *
 * @param best null when no unit had anybody expected
 * @param worst null when no unit had anybody expected
 */
public record WeeklyReport(
    String region,
    IsoWeek week,
    Totals thisWeek,
    Totals previousWeek,
    Change change,
    UnitRate best,
    UnitRate worst,
    List<Day> days) {

  /** One unit's attendance over the week: reported (on time + late) of expected. */
  public record UnitRate(String unit, long expected, long reported) {
    public double rate() {
      return reported / (double) expected;
    }
  }

  /** One local date of the week; a date without rollups has empty totals. */
  public record Day(LocalDate date, Totals totals) {}

  /**
   * This week minus the previous one: rates in fractions (0.02 = 2 percentage points), counts in
   * their units. Each null when either week lacks the figure (no rollup, nobody expected).
   */
  public record Change(
      Double attendanceRate, Double wfhCompliance, Long breaches, Long minutesOverCap) {}
}

package id.pantau.api.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week, {@code 2026-W49}: Monday to Sunday, week 1 holding the year's first Thursday.
 */
public record IsoWeek(int year, int week) {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** The week of the text, or null when it is not {@code YYYY-Www} naming a week of that year. */
  public static IsoWeek parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) return null;
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    // The year has 53 weeks when its 28 December (always in its last week) is in week 53.
    long weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return week >= 1 && week <= weeks ? new IsoWeek(year, week) : null;
  }

  /** The week holding the date. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The last week that has ended by {@code today}: the week before today's. */
  public static IsoWeek lastCompleteOn(LocalDate today) {
    return of(today).previous();
  }

  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  public LocalDate sunday() {
    return monday().plusDays(6);
  }

  public IsoWeek previous() {
    return of(monday().minusDays(7));
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(monday()) && !date.isAfter(sunday());
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}

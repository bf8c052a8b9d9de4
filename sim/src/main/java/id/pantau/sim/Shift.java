package id.pantau.sim;

import java.time.LocalTime;

/**
 * The working time of an employee on one day. Office staff keep {@link #OFFICE} hours; the crews
 * (regu) of round-the-clock units rotate pagi, siang, malam, libur: a crew that worked the night
 * from 23:00 has the day off after 07:00, then starts the next morning.
 */
public enum Shift {
  /** Office hours: arrivals around 07:15, departures around 16:10 (see {@link Curves}). */
  OFFICE(null, null),
  /** Pagi, 07:00–15:00 local. */
  MORNING(LocalTime.of(7, 0), LocalTime.of(15, 0)),
  /** Siang, 15:00–23:00 local. */
  AFTERNOON(LocalTime.of(15, 0), LocalTime.of(23, 0)),
  /** Malam, 23:00–07:00 local: ends on the next local date. */
  NIGHT(LocalTime.of(23, 0), LocalTime.of(7, 0));

  /** The number of crews of a round-the-clock unit. */
  public static final int CREWS = 4;

  private final LocalTime start;
  private final LocalTime end;

  Shift(LocalTime start, LocalTime end) {
    this.start = start;
    this.end = end;
  }

  /** Start of the shift, local; null for office hours. */
  public LocalTime start() {
    return start;
  }

  /** End of the shift, local (for {@link #NIGHT} on the next date); null for office hours. */
  public LocalTime end() {
    return end;
  }

  public boolean crossesMidnight() {
    return this == NIGHT;
  }

  /**
   * The shift crew {@code crew} (0–3) begins on the local date {@code epochDay}, or null on its day
   * off. Each day one crew has each of morning, afternoon and night, and one is off.
   */
  public static Shift ofCrew(int crew, long epochDay) {
    return switch ((int) Math.floorMod(epochDay + crew, (long) CREWS)) {
      case 0 -> MORNING;
      case 1 -> AFTERNOON;
      case 2 -> NIGHT;
      default -> null;
    };
  }
}

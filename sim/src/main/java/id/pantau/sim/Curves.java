package id.pantau.sim;

import java.time.LocalTime;

/**
 * The daily rhythm of the city, in minutes after local midnight: when people arrive, leave and
 * share their location. Shapes follow the seeds: attendance by 07:30 (Serang 001), three location
 * shares a day for WFH staff (Banten 002).
 */
final class Curves {
  private Curves() {}

  /** Share of staff on duty who do not check in at all (sick, leave, forgot the app). */
  static final double NO_CHECK_IN = 0.03;

  /** Share of those who checked in who forget to check out. */
  static final double FORGETS_CHECK_OUT = 0.04;

  /** Share of WFH staff who, on a given day, share their location from outside the region. */
  static final double AWAY_FROM_REGION = 0.007;

  /** The three location windows for WFH staff, local time, [start, end) in minutes. */
  static final int[][] LOCATION_WINDOWS = {
    {minutes(7, 30), minutes(9, 0)},
    {minutes(11, 30), minutes(13, 0)},
    {minutes(15, 0), minutes(16, 30)}
  };

  static int minutes(int h, int m) {
    return h * 60 + m;
  }

  /**
   * Arrival: a crowd around 07:15 (most between 06:45 and 07:45), a few early birds from 06:00 and
   * a tail of late arrivals up to 09:30. Returns seconds after local midnight.
   */
  static int arrivalSecond(Rng r, double biasMin) {
    double p = r.nextDouble();
    double m;
    if (p < 0.03) {
      m = r.uniform(minutes(6, 0), minutes(6, 45));
    } else if (p < 0.91) {
      m = clamp(minutes(7, 15) + biasMin + 12 * r.gaussian(), minutes(6, 35), minutes(8, 0));
    } else {
      m = tail(r, minutes(7, 45), 35, minutes(9, 30));
    }
    return seconds(m);
  }

  /**
   * Departure: mostly between 15:45 and 16:45 (mode ~16:10), a few leaving early from 13:00 and a
   * tail of overtime until 19:00. Returns seconds after local midnight.
   */
  static int departureSecond(Rng r) {
    double p = r.nextDouble();
    double m;
    if (p < 0.03) {
      m = r.uniform(minutes(13, 0), minutes(15, 30));
    } else if (p < 0.92) {
      m = clamp(minutes(16, 10) + 14 * r.gaussian(), minutes(15, 30), minutes(17, 0));
    } else {
      m = tail(r, minutes(16, 45), 40, minutes(19, 0));
    }
    return seconds(m);
  }

  /**
   * The second of a location ping for window {@code w} (0-based), or -1 when missed. Most are
   * within the window, some late (up to 75 minutes after it), some missed; never before the
   * check-in.
   */
  static int pingSecond(Rng r, int w, double diligence, int checkInSecond) {
    int start = LOCATION_WINDOWS[w][0] * 60;
    int end = LOCATION_WINDOWS[w][1] * 60;
    double p = r.nextDouble();
    int s;
    if (p < diligence) {
      // Within the window, more often early in it.
      double u = r.nextDouble();
      s = start + (int) ((end - start - 1) * u * u);
    } else if (p < diligence + (1 - diligence) * 0.4) {
      s = end + (int) r.uniform(60, 75 * 60);
    } else {
      return -1;
    }
    int earliest = checkInSecond + (int) r.uniform(60, 5 * 60);
    return Math.max(s, earliest);
  }

  /**
   * An exponential tail after {@code from} with the given mean, redrawn until before {@code to}.
   */
  private static double tail(Rng r, double from, double mean, double to) {
    for (int i = 0; i < 16; i++) {
      double m = from + r.exponential(mean);
      if (m < to) return m;
    }
    return r.uniform(from, to);
  }

  static LocalTime time(int secondOfDay) {
    return LocalTime.ofSecondOfDay(secondOfDay);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int seconds(double minutes) {
    return (int) Math.round(minutes * 60);
  }
}

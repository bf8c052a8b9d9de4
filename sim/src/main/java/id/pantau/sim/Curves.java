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
   * Check-in for a shift starting at {@code startSecond}: most come 2–30 minutes early for the
   * handover (mode ~12 minutes), ~6 % come up to 25 minutes late.
   */
  static int shiftStartSecond(Rng r, int startSecond) {
    double m;
    if (r.chance(SHIFT_LATE)) {
      m = r.uniform(1, 25);
    } else {
      m = -clamp(12 + 5 * r.gaussian(), 2, 30);
    }
    return startSecond + seconds(m);
  }

  /**
   * Check-out at the end of a shift ending at {@code endSecond}: most 0–25 minutes after it (the
   * handover overlaps the next crew's arrival), a few leave up to half an hour early, ~10 % stay on
   * for up to an hour; never later than {@code latestSecond}.
   */
  static int shiftEndSecond(Rng r, int endSecond, int latestSecond) {
    double p = r.nextDouble();
    double m;
    if (p < 0.03) {
      m = -r.uniform(5, 30);
    } else if (p < 0.90) {
      m = clamp(8 + 5 * r.gaussian(), 0, 25);
    } else {
      m = r.uniform(25, 60);
    }
    return Math.min(latestSecond, endSecond + seconds(m));
  }

  /** Share of shift staff who arrive after the start of their shift. */
  static final double SHIFT_LATE = 0.06;

  /** The shortest and longest field trip, minutes between check-out and check-in. */
  static final int TRIP_MIN_MINUTES = 20;

  static final int TRIP_MAX_MINUTES = 120;

  /**
   * How long a team stays out, in seconds: at least 20 minutes plus room for the members' jitter,
   * mostly under an hour, never so long that a member's return passes two hours.
   *
   * @param meanExtraMin the mean of the exponential part beyond the minimum
   * @param jitterSeconds the most a member's check-out and check-in may lag the team's
   */
  static int tripSeconds(Rng r, double meanExtraMin, int jitterSeconds) {
    int min = TRIP_MIN_MINUTES * 60 + jitterSeconds;
    int max = TRIP_MAX_MINUTES * 60 - jitterSeconds;
    return seconds(tail(r, min / 60.0, meanExtraMin, max / 60.0));
  }

  /**
   * How busy the streets are for shift staff at a local hour, as a factor on their trip rate: fewer
   * calls deep in the night, more in the day and the evening.
   */
  static double shiftTripFactor(int hour) {
    if (hour < 5) return 1.0;
    if (hour < 7) return 0.9;
    if (hour < 17) return 1.2;
    if (hour < 22) return 1.05;
    return 0.9;
  }

  static final double MAX_SHIFT_TRIP_FACTOR = 1.2;

  /**
   * When office staff leave for field visits, as a factor on their trip rate at a local hour: from
   * 08:00 to 15:00, fewer around the midday break (ishoma), none outside.
   */
  static double officeTripFactor(int hour) {
    if (hour < 8 || hour >= 15) return 0;
    if (hour < 9) return 0.7;
    if (hour < 12) return 1.0;
    if (hour < 13) return 0.4;
    return 0.8;
  }

  static final double MAX_OFFICE_TRIP_FACTOR = 1.0;

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

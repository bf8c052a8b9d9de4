package id.pantau.location;

import java.io.Serializable;

/**
 * Thresholds of the location rules.
 *
 * @param lowAccuracyM a fix less accurate than this (metres) is LOW_ACCURACY
 * @param maxSpeedKmh consecutive fixes implying a faster journey are IMPOSSIBLE_TRAVEL
 * @param minGapMs pairs closer in time than this are ignored when their distance is within both
 *     accuracies (GPS jitter)
 * @param lastFixTtlMs an employee's last fix is forgotten this long after it (event time)
 * @param defaultZone the local day of a fix whose unit (or its time zone) is not known
 */
public record LocationRules(
    double lowAccuracyM, double maxSpeedKmh, long minGapMs, long lastFixTtlMs, String defaultZone)
    implements Serializable {
  public static final double DEFAULT_LOW_ACCURACY_M = 100;
  public static final double DEFAULT_MAX_SPEED_KMH = 250;
  public static final long DEFAULT_MIN_GAP_MS = 60_000L;
  public static final long DEFAULT_LAST_FIX_TTL_MS = 24 * 3_600_000L;
  public static final String DEFAULT_ZONE = "Asia/Jakarta";

  public static LocationRules defaults() {
    return new LocationRules(
        DEFAULT_LOW_ACCURACY_M,
        DEFAULT_MAX_SPEED_KMH,
        DEFAULT_MIN_GAP_MS,
        DEFAULT_LAST_FIX_TTL_MS,
        DEFAULT_ZONE);
  }

  public LocationRules withLowAccuracyM(double m) {
    return new LocationRules(m, maxSpeedKmh, minGapMs, lastFixTtlMs, defaultZone);
  }

  public LocationRules withMaxSpeedKmh(double kmh) {
    return new LocationRules(lowAccuracyM, kmh, minGapMs, lastFixTtlMs, defaultZone);
  }
}

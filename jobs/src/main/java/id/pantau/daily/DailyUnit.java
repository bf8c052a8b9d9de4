package id.pantau.daily;

/**
 * What the rollup keeps per unit across days: its zone and region, the last occupancy status (it
 * holds until the next one, also across midnight) and the pending provisional tick.
 */
public class DailyUnit {
  public String unitId;
  public String region;

  /** Null until the unit's reference data arrives; facts wait for it. */
  public String timeZone;

  /** The last occupancy status in event time; null before the first. */
  public Long lastTimeMs;

  public int lastPresent;
  public Integer lastCap;

  /** The registered provisional tick (event time), null when none is pending. */
  public Long tickAtMs;

  /** Facts waiting for the unit's time zone. */
  public int pending;

  public DailyUnit() {}
}

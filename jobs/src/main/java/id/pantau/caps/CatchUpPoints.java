package id.pantau.caps;

import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Which occupancy points go to InfluxDB: all of those near the wall clock (someone is watching the
 * board), but of older ones — a replay, or catching up after an outage — only the minute points.
 * Between minutes a catch-up would write a point per change, tens of thousands a second, that no
 * one sees live; the minute points carry the series, and the breach detector and the daily rollup
 * still get every point. Values are never changed, so a replay over live points rewrites the minute
 * points with the same values and leaves the live ones in between as they were.
 */
public final class CatchUpPoints implements FilterFunction<OccupancyStatus> {
  static final long MINUTE = 60_000L;
  private final long thinAfterMs;

  /**
   * @param thinAfterMs how far behind the wall clock a point counts as catch-up; 0 keeps all
   */
  public CatchUpPoints(long thinAfterMs) {
    if (thinAfterMs < 0) throw new IllegalArgumentException("thinAfterMs: must be ≥ 0");
    this.thinAfterMs = thinAfterMs;
  }

  @Override
  public boolean filter(OccupancyStatus s) {
    return keeps(s.timeMs, System.currentTimeMillis());
  }

  boolean keeps(long timeMs, long wallMs) {
    return thinAfterMs == 0 || Math.floorMod(timeMs, MINUTE) == 0 || timeMs >= wallMs - thinAfterMs;
  }
}

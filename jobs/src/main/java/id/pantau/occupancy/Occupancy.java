package id.pantau.occupancy;

/**
 * How many staff of a unit are in the office at a moment of event time, and who is there without
 * being scheduled: what an {@link OccupancyUpdate} and the caps job's {@code OccupancyStatus} both
 * say, stated once. Each has its own hand-written serializer naming these fields in its own order,
 * so sharing them here leaves both byte layouts as they are ({@code WireFormatTest}).
 */
public abstract class Occupancy {
  public String unitId;
  public String region;
  public long timeMs;
  public int present;
  public int headcount;

  /** Present without being scheduled WFO or PIKET today (null without a roster), and who. */
  public Integer unscheduled;

  public String[] unscheduledNips;

  /**
   * Shown at once on arrival, before the watermark decides the second (the board's freshness):
   * written to InfluxDB at the second the exact point will overwrite, never acted on (no breach, no
   * rollup).
   */
  public boolean provisional;

  protected Occupancy() {}

  protected Occupancy(String unitId, String region, long timeMs, int present, int headcount) {
    this.unitId = unitId;
    this.region = region;
    this.timeMs = timeMs;
    this.present = present;
    this.headcount = headcount;
  }

  /** Present as a share of headcount; 0 for a unit with no staff, never a division by zero. */
  public double share() {
    return headcount <= 0 ? 0.0 : (double) present / headcount;
  }
}

package id.pantau.occupancy;

import id.pantau.serial.CompactType;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * How many staff of a unit are in the office at a moment of event time. One goes out per change and
 * per minute of every unit, so Flink writes it with {@link OccupancyUpdateSerializer}, not as a
 * POJO. Not kept in state.
 */
@TypeInfo(OccupancyUpdate.FlinkType.class)
public class OccupancyUpdate {
  public String unitId;
  public String region;
  public long timeMs;
  public int present;
  public int headcount;
  public String timeZone;
  public boolean essential;
  public int minPresent;

  /** A confirmed case in the unit at this moment. */
  public boolean exposed;

  /** Scheduled WFO or PIKET today, or null when the unit has no roster for today. */
  public Integer scheduledOffice;

  /** Present without being scheduled WFO or PIKET today (null without a roster), and who. */
  public Integer unscheduled;

  public String[] unscheduledNips;

  /**
   * Shown at once on arrival, before the watermark decides the second (the board's freshness):
   * written to InfluxDB at the second the exact point will overwrite, never acted on.
   */
  public boolean provisional;

  public OccupancyUpdate() {}

  public OccupancyUpdate(String unitId, String region, long timeMs, int present, int headcount) {
    this.unitId = unitId;
    this.region = region;
    this.timeMs = timeMs;
    this.present = present;
    this.headcount = headcount;
  }

  public double share() {
    return share(present, headcount);
  }

  /** Present as a share of headcount; 0 for a unit with no staff, never a division by zero. */
  public static double share(int present, int headcount) {
    return headcount <= 0 ? 0.0 : (double) present / headcount;
  }

  @Override
  public String toString() {
    return unitId + "@" + timeMs + " present=" + present + "/" + headcount;
  }

  /** Flink's type of it: {@link OccupancyUpdateSerializer}. */
  public static final class FlinkType extends CompactType.Factory<OccupancyUpdate> {
    public FlinkType() {
      super(OccupancyUpdateSerializer.TYPE);
    }
  }
}

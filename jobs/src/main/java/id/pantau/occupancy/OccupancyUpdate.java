package id.pantau.occupancy;

import id.pantau.serial.CompactType;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * How many staff of a unit are in the office at a moment of event time. One goes out per change and
 * per minute of every unit, so Flink writes it with {@link OccupancyUpdateSerializer}, not as a
 * POJO. Not kept in state.
 */
@TypeInfo(OccupancyUpdate.FlinkType.class)
public class OccupancyUpdate extends Occupancy {
  public String timeZone;
  public boolean essential;
  public int minPresent;

  /** A confirmed case in the unit at this moment. */
  public boolean exposed;

  /** Scheduled WFO or PIKET today, or null when the unit has no roster for today. */
  public Integer scheduledOffice;

  public OccupancyUpdate() {}

  public OccupancyUpdate(String unitId, String region, long timeMs, int present, int headcount) {
    super(unitId, region, timeMs, present, headcount);
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

package id.pantau.caps;

import id.pantau.occupancy.Occupancy;
import id.pantau.serial.CompactType;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Occupancy of a unit at a moment with the limits in force then. One goes out per change and per
 * minute of every unit, so Flink writes it with {@link OccupancyStatusSerializer}, not as a POJO.
 * Not kept in state.
 */
@TypeInfo(OccupancyStatus.FlinkType.class)
public class OccupancyStatus extends Occupancy {
  /** The cap, or null while the unit's region has no zone level. */
  public Integer cap;

  /** The staffing floor in force now: minPresent in service hours for an essential unit, else 0. */
  public int floor;

  public int dwellS;

  public OccupancyStatus() {}

  public OccupancyStatus(String unitId, String region, long timeMs, int present, int headcount) {
    super(unitId, region, timeMs, present, headcount);
  }

  public boolean overCap() {
    return cap != null && present > cap;
  }

  public boolean underFloor() {
    return floor > 0 && present < floor;
  }

  @Override
  public String toString() {
    return unitId + "@" + timeMs + " " + present + "/" + headcount + " cap=" + cap + " floor="
        + floor;
  }

  /** Flink's type of it: {@link OccupancyStatusSerializer}. */
  public static final class FlinkType extends CompactType.Factory<OccupancyStatus> {
    public FlinkType() {
      super(OccupancyStatusSerializer.TYPE);
    }
  }
}

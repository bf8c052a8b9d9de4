package id.pantau.caps;

import id.pantau.serial.CompactType;
import id.pantau.serial.FieldSerializer;
import id.pantau.serial.Fields;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Writes an {@link OccupancyStatus} as a flags byte (provisional, and which nullable fields
 * follow), its two strings, the time, the counts, then the nullable fields present.
 */
public final class OccupancyStatusSerializer extends FieldSerializer<OccupancyStatus> {
  public static final OccupancyStatusSerializer INSTANCE = new OccupancyStatusSerializer();

  public static final TypeInformation<OccupancyStatus> TYPE =
      new CompactType<>(OccupancyStatus.class, () -> INSTANCE);

  private static final Fields<OccupancyStatus> FIELDS =
      Fields.of(
          OccupancyStatus.class,
          "provisional unitId region timeMs present headcount floor dwellS cap? unscheduled?"
              + " unscheduledNips");

  @Override
  protected Fields<OccupancyStatus> fields() {
    return FIELDS;
  }
}

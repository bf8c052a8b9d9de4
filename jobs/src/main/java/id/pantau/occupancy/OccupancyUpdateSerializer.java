package id.pantau.occupancy;

import id.pantau.serial.CompactType;
import id.pantau.serial.FieldSerializer;
import id.pantau.serial.Fields;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Writes an {@link OccupancyUpdate} as a flags byte (the booleans, and which nullable fields
 * follow), its three strings, the time, the counts, then the nullable fields present.
 */
public final class OccupancyUpdateSerializer extends FieldSerializer<OccupancyUpdate> {
  public static final OccupancyUpdateSerializer INSTANCE = new OccupancyUpdateSerializer();

  public static final TypeInformation<OccupancyUpdate> TYPE =
      new CompactType<>(OccupancyUpdate.class, () -> INSTANCE);

  private static final Fields<OccupancyUpdate> FIELDS =
      Fields.of(
          OccupancyUpdate.class,
          "essential exposed provisional unitId region timeZone timeMs present headcount minPresent"
              + " scheduledOffice? unscheduled? unscheduledNips");

  @Override
  protected Fields<OccupancyUpdate> fields() {
    return FIELDS;
  }
}

package id.pantau.location;

import id.pantau.serial.CompactType;
import id.pantau.serial.FieldSerializer;
import id.pantau.serial.Fields;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Writes a {@link Fix} as one flags byte (mock, office check-in, WFH, accuracy given), its four ids
 * (null-safe Flink strings), then time, latitude, longitude and the accuracy when given.
 */
public final class FixSerializer extends FieldSerializer<Fix> {
  public static final FixSerializer INSTANCE = new FixSerializer();

  public static final TypeInformation<Fix> TYPE = new CompactType<>(Fix.class, () -> INSTANCE);

  private static final Fields<Fix> FIELDS =
      Fields.of(
          Fix.class,
          "mock isOfficeCheckIn isWfh nip unitId deviceId eventId timeMs lat lon accuracyM?");

  @Override
  protected Fields<Fix> fields() {
    return FIELDS;
  }
}

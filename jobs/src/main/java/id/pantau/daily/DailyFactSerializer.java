package id.pantau.daily;

import id.pantau.serial.CompactType;
import id.pantau.serial.FieldSerializer;
import id.pantau.serial.Fields;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Writes a {@link DailyFact} in flight by hand, every field: a flags byte (cap given), its seven
 * strings, the time and the three counts, then the cap. The stream type of the daily facts only
 * ({@link #TYPE}): the rollup's {@code pending} state keeps its own (POJO) type, so savepoints are
 * not affected.
 */
public final class DailyFactSerializer extends FieldSerializer<DailyFact> {
  public static final DailyFactSerializer INSTANCE = new DailyFactSerializer();

  public static final TypeInformation<DailyFact> TYPE =
      new CompactType<>(DailyFact.class, () -> INSTANCE);

  private static final Fields<DailyFact> FIELDS =
      Fields.of(
          DailyFact.class,
          "kind unitId region date window alertId timeZone timeMs present expected reported cap?");

  @Override
  protected Fields<DailyFact> fields() {
    return FIELDS;
  }
}

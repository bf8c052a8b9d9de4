package id.pantau.location;

import id.pantau.serial.CompactSerializer;
import id.pantau.serial.CompactType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link Fix} as one flags byte (mock, office check-in, WFH, accuracy given), its four ids
 * (null-safe Flink strings), then time, latitude, longitude and the accuracy when given.
 */
public final class FixSerializer extends CompactSerializer<Fix> {
  public static final FixSerializer INSTANCE = new FixSerializer();

  public static final TypeInformation<Fix> TYPE = new CompactType<>(Fix.class, () -> INSTANCE);

  private static final int MOCK = 1;
  private static final int OFFICE = 2;
  private static final int WFH = 4;
  private static final int ACCURACY = 8;

  @Override
  public Fix createInstance() {
    return new Fix();
  }

  @Override
  public Fix copy(Fix from) {
    Fix f = new Fix();
    f.nip = from.nip;
    f.unitId = from.unitId;
    f.deviceId = from.deviceId;
    f.eventId = from.eventId;
    f.timeMs = from.timeMs;
    f.lat = from.lat;
    f.lon = from.lon;
    f.accuracyM = from.accuracyM;
    f.mock = from.mock;
    f.isOfficeCheckIn = from.isOfficeCheckIn;
    f.isWfh = from.isWfh;
    return f;
  }

  @Override
  public void serialize(Fix f, DataOutputView out) throws IOException {
    out.writeByte(
        (f.mock ? MOCK : 0)
            | (f.isOfficeCheckIn ? OFFICE : 0)
            | (f.isWfh ? WFH : 0)
            | (f.accuracyM != null ? ACCURACY : 0));
    StringValue.writeString(f.nip, out);
    StringValue.writeString(f.unitId, out);
    StringValue.writeString(f.deviceId, out);
    StringValue.writeString(f.eventId, out);
    out.writeLong(f.timeMs);
    out.writeDouble(f.lat);
    out.writeDouble(f.lon);
    if (f.accuracyM != null) out.writeDouble(f.accuracyM);
  }

  @Override
  public Fix deserialize(DataInputView in) throws IOException {
    int flags = in.readByte();
    Fix f = new Fix();
    f.mock = has(flags, MOCK);
    f.isOfficeCheckIn = has(flags, OFFICE);
    f.isWfh = has(flags, WFH);
    f.nip = StringValue.readString(in);
    f.unitId = StringValue.readString(in);
    f.deviceId = StringValue.readString(in);
    f.eventId = StringValue.readString(in);
    f.timeMs = in.readLong();
    f.lat = in.readDouble();
    f.lon = in.readDouble();
    if (has(flags, ACCURACY)) f.accuracyM = in.readDouble();
    return f;
  }
}

package id.pantau.ingest.device;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import java.util.HexFormat;
import java.util.Set;

/**
 * A registered device as ingest checks its requests: the signing key and the principal its events
 * are posted as (role DEVICE, its unit only), made once when the record is read.
 */
public final class Device {
  private final String id;
  private final String unitId;
  private final byte[] key;
  private final Principal principal;

  Device(DeviceRecord record) {
    this.id = record.deviceId();
    this.unitId = record.unitId();
    this.key = HexFormat.of().parseHex(record.secretSha256());
    this.principal = new Principal("device '" + id + "'", Role.DEVICE, Set.of(), Set.of(unitId));
  }

  public String id() {
    return id;
  }

  public String unitId() {
    return unitId;
  }

  byte[] key() {
    return key;
  }

  public Principal principal() {
    return principal;
  }

  /**
   * Why an event with this unit and device ID may not come from this device ("field: reason"), or
   * null when it may. An event without a deviceId (a kiosk's, say) is the device's own.
   */
  public String refusal(String eventUnitId, String eventDeviceId) {
    if (!unitId.equals(eventUnitId)) {
      return "unitId: device '"
          + id
          + "' is registered to unit '"
          + unitId
          + "', so it may not post events of unit '"
          + eventUnitId
          + "'";
    }
    if (eventDeviceId != null && !id.equals(eventDeviceId)) {
      return "deviceId: the request is signed by device '"
          + id
          + "', so its events may not name device '"
          + eventDeviceId
          + "'";
    }
    return null;
  }
}

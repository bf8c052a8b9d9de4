package id.pantau.ingest.device;

import id.pantau.events.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered device as stored on {@code pantau.devices.v1} (key: deviceId): its unit and the
 * SHA-256 of its secret, which is the key its requests are signed with ({@link
 * id.pantau.access.DeviceSignature}). The secret itself is never stored.
 *
 * @param registeredAt when, ISO-8601 in UTC
 * @param registeredBy the name of the token that registered it
 */
public record DeviceRecord(
    String deviceId, String unitId, String secretSha256, String registeredAt, String registeredBy) {

  /** Every "field: reason" of a record that cannot be stored. */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("deviceId", deviceId, errors);
    Required.id("unitId", unitId, errors);
    if (secretSha256 == null || !secretSha256.matches("[0-9a-f]{64}")) {
      errors.add("secretSha256: must be 64 lowercase hex digits");
    }
    return errors;
  }
}

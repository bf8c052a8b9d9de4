package id.pantau.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.DeviceSignature;
import id.pantau.access.Principal;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.ingest.device.Device;
import id.pantau.ingest.device.DeviceRecord;
import id.pantau.ingest.device.DeviceRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code PUT /v1/devices/{deviceId}} and {@code DELETE /v1/devices/{deviceId}} (BKD_ADMIN): a
 * device is registered to one unit with a secret that ingest makes (or the operator brings),
 * answered once and stored only as its SHA-256, the device's signing key, on the compacted devices
 * topic. A token scoped to regions registers only devices of its regions' units, and may not move a
 * device of another region to one of its own.
 */
final class DeviceRegistration {
  /** The shortest secret an operator may bring: as strong as the 32 random bytes ingest makes. */
  static final int MIN_SECRET_LENGTH = 32;

  static final String SIGNING =
      "X-Pantau-Signature: hex HMAC-SHA256 of X-Pantau-Timestamp (epoch seconds) + \":\" + body,"
          + " key SHA-256(secret)";

  /** The answer: the secret only when ingest made it, this once. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Registered(
      String deviceId, String unitId, String registeredAt, String secret, String signing) {}

  /** The answer to an unregistration. */
  record Unregistered(String deviceId, String unitId, boolean unregistered) {}

  private final IngestConfig config;
  private final IngestAccess access;
  private final Scope scope;
  private final AckedWrites writes;
  private final DeviceRegistry registry;
  private final Clock clock;

  DeviceRegistration(
      IngestConfig config,
      IngestAccess access,
      Scope scope,
      AckedWrites writes,
      DeviceRegistry registry,
      Clock clock) {
    this.config = config;
    this.access = access;
    this.scope = scope;
    this.writes = writes;
    this.registry = registry;
    this.clock = clock;
  }

  IngestService.Reply put(String deviceId, IngestService.Request request) {
    Principal principal = access.devices(request.authorization());
    Bodies.requireJson(request.contentType(), "the device", "");
    ObjectNode node = Bodies.object(request.body().read(config.maxBodyBytes()));
    Bodies.takePathValue(node, "deviceId", deviceId);
    List<String> errors = new ArrayList<>();
    String unitId = text(node, "unitId", errors);
    String given = text(node, "secret", errors);
    if (given != null && given.length() < MIN_SECRET_LENGTH) {
      errors.add(
          "secret: must be at least "
              + MIN_SECRET_LENGTH
              + " characters; leave it out and ingest makes one");
    }
    String secret = given != null ? given : DeviceSignature.newSecret();
    DeviceRecord record =
        new DeviceRecord(
            deviceId,
            unitId,
            HexFormat.of().formatHex(DeviceSignature.key(secret)),
            clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
            principal.name());
    errors.addAll(record.validate());
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          "the device is not valid: " + String.join("; ", errors), errors);
    }
    List<Scope.Target> targets = new ArrayList<>();
    targets.add(Scope.Target.unit(null, unitId, null));
    Device before = registry.find(deviceId);
    if (before != null) targets.add(Scope.Target.unit("registered", before.unitId(), null));
    scope.check(principal, targets, "devices");
    write(deviceId, Json.bytes(record));
    registry.put(record);
    return new IngestService.Reply(
        200,
        new Registered(
            deviceId, unitId, record.registeredAt(), given == null ? secret : null, SIGNING));
  }

  IngestService.Reply delete(String deviceId, IngestService.Request request) {
    Principal principal = access.devices(request.authorization());
    Device device = registry.find(deviceId);
    if (device == null) {
      throw new IngestException(
          404,
          "no such device",
          List.of("deviceId: device '" + Bodies.clip(deviceId) + "' is not registered"));
    }
    scope.check(principal, List.of(Scope.Target.unit(null, device.unitId(), null)), "devices");
    write(deviceId, null); // a tombstone: compaction forgets the key with the device
    registry.remove(deviceId);
    return new IngestService.Reply(200, new Unregistered(deviceId, device.unitId(), true));
  }

  private void write(String deviceId, byte[] value) {
    writes.referenceData(List.of(new AckedWrites.Outgoing(Topics.DEVICES, deviceId, value, null)));
  }

  private static String text(ObjectNode node, String field, List<String> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) errors.add(field + ": must be a string");
    return v.isTextual() ? v.asText() : null;
  }
}

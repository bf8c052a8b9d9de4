package id.pantau.ingest.device;

import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.ingest.CompactedTopic;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered devices, by ID: filled at once by the registrations this ingest produces, and by a
 * {@link TopicFollower} of the compacted devices topic from its beginning, so devices registered
 * before a restart or through another ingest are known too (as {@code UnitDirectory} learns units).
 * A device registered elsewhere is unknown (401) until the follower has read it.
 */
public final class DeviceRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

  private final ConcurrentHashMap<String, Device> byId = new ConcurrentHashMap<>();
  private final CompactedTopic devices;

  /** Follows the devices topic at bootstrap once {@link #start()}ed; null: memory only. */
  public DeviceRegistry(String bootstrap) {
    this.devices =
        new CompactedTopic(
            bootstrap, Topics.DEVICES, "pantau-ingest-devices", "device registry", this::apply);
  }

  /** The device, or null when it is not registered. */
  public Device find(String deviceId) {
    return deviceId == null ? null : byId.get(deviceId);
  }

  public void put(DeviceRecord record) {
    byId.put(record.deviceId(), new Device(record));
  }

  public void remove(String deviceId) {
    byId.remove(deviceId);
  }

  public void start() {
    devices.start();
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null) return;
    String id = new String(r.key(), StandardCharsets.UTF_8);
    if (r.value() == null) { // a tombstone: the device was unregistered
      remove(id);
      return;
    }
    try {
      DeviceRecord record = Json.MAPPER.readValue(r.value(), DeviceRecord.class);
      if (record.validate().isEmpty() && id.equals(record.deviceId())) put(record);
      else LOG.warn("device record at offset {} is not valid; skipped", r.offset());
    } catch (IOException e) {
      LOG.warn("device record at offset {} is not JSON; skipped", r.offset());
    }
  }

  @Override
  public void close() {
    devices.close();
  }
}

package id.pantau.ingest;

import id.pantau.events.Decoded;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.kafka.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which region each unit lies in, so a token scoped to regions can be checked on writes that name
 * only a unit (exposure, rosters). Filled at once by the units this ingest produces, and by a
 * {@link TopicFollower} of the compacted units topic from its beginning, which brings the units
 * stored before a restart or through another ingest. Until that follower caught up a unit may be
 * unknown; callers then refuse with a reason rather than guess.
 */
final class UnitDirectory implements AutoCloseable {
  private final ConcurrentHashMap<String, String> regionByUnit = new ConcurrentHashMap<>();
  private final CompactedTopic units;

  /** Follows the units topic at bootstrap once {@link #start()}ed; null: memory only. */
  UnitDirectory(String bootstrap) {
    this.units =
        new CompactedTopic(
            bootstrap, Topics.UNITS, "pantau-ingest-units", "unit directory", this::apply);
  }

  String regionOf(String unitId) {
    return regionByUnit.get(unitId);
  }

  void put(String unitId, String region) {
    regionByUnit.put(unitId, region);
  }

  void start() {
    units.start();
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) { // a tombstone: the unit is gone
      if (r.key() != null) regionByUnit.remove(new String(r.key(), StandardCharsets.UTF_8));
      return;
    }
    Decoded<Unit> d = Json.unit(r.value());
    if (d.isOk()) regionByUnit.put(d.value().unitId, d.value().region);
  }

  @Override
  public void close() {
    units.close();
  }
}

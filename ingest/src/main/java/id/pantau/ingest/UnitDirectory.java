package id.pantau.ingest;

import id.pantau.events.Decoded;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which region each unit lies in, so a token scoped to regions can be checked on writes that name
 * only a unit (exposure, rosters). Filled at once by the units this ingest produces, and by a
 * background reader of the compacted units topic from its beginning, which brings the units stored
 * before a restart or through another ingest. Until that reader caught up a unit may be unknown;
 * callers then refuse with a reason rather than guess.
 */
final class UnitDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UnitDirectory.class);

  private final ConcurrentHashMap<String, String> regionByUnit = new ConcurrentHashMap<>();
  private final String bootstrap;
  private final Object pause = new Object();
  private volatile boolean running;
  private KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  /** Follows the units topic at bootstrap once {@link #start()}ed; null: memory only. */
  UnitDirectory(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  String regionOf(String unitId) {
    return regionByUnit.get(unitId);
  }

  void put(String unitId, String region) {
    regionByUnit.put(unitId, region);
  }

  synchronized void start() {
    if (bootstrap == null || thread != null) return;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "pantau-ingest-units");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    running = true;
    thread = new Thread(this::follow, "ingest-unit-directory");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    try {
      while (running) {
        try {
          if (consumer.assignment().isEmpty() && !assign()) continue;
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            apply(r);
          }
        } catch (WakeupException e) {
          return;
        } catch (KafkaException e) { // broker away: the client reconnects; try again
          if (running) LOG.debug("units topic: {}", e.toString());
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(1));
    }
  }

  /** Assigns every partition of the units topic from its beginning; false when it has none yet. */
  private boolean assign() {
    List<PartitionInfo> infos = consumer.partitionsFor(Topics.UNITS, Duration.ofSeconds(5));
    if (infos == null || infos.isEmpty()) {
      synchronized (pause) { // the topic is not there yet; close() ends the wait
        try {
          if (running) pause.wait(1000);
        } catch (InterruptedException e) {
          running = false;
        }
      }
      return false;
    }
    List<TopicPartition> partitions =
        infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return true;
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) { // a tombstone: the unit is gone
      if (r.key() != null) regionByUnit.remove(r.key());
      return;
    }
    Decoded<Unit> d = Json.unit(r.value());
    if (d.isOk()) regionByUnit.put(d.value().unitId, d.value().region);
  }

  @Override
  public synchronized void close() {
    if (thread == null) return;
    running = false;
    consumer.wakeup();
    synchronized (pause) {
      pause.notifyAll();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }
}

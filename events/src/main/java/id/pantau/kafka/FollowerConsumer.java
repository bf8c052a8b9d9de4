package id.pantau.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A {@link TopicFollower}'s consumer: its settings (no group, no commits, short timeouts so an
 * outage is noticed and retried quickly) and where the partitions it finds start.
 */
final class FollowerConsumer {
  private FollowerConsumer() {}

  static KafkaConsumer<byte[], byte[]> create(
      String bootstrapServers,
      String clientId,
      Start start,
      Duration partitionRefresh,
      Duration apiTimeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // A position out of range (records deleted meanwhile): as close to the start as there is.
    p.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        start instanceof Start.End ? "latest" : "earliest");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000);
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5000);
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    // partitionsFor answers from the client's metadata while it knows the topic: keep it as fresh
    // as the follower looks, else added partitions show only after the default 5 minutes.
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) partitionRefresh.toMillis());
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The offsets {@code start} names for {@code partitions} (looked up before they are assigned, so
   * a failed lookup leaves nothing half done); a partition it names none for is not in the map.
   */
  static Map<TopicPartition, Long> startOffsets(
      KafkaConsumer<byte[], byte[]> c,
      Start start,
      Set<TopicPartition> partitions,
      Duration apiTimeout) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (start instanceof Start.At at) {
      for (TopicPartition tp : partitions) {
        Long o = at.offsets().get(tp.partition());
        if (o != null) offsets.put(tp, o);
      }
    } else if (start instanceof Start.Within w) {
      long since = w.clock().millis() - w.back().toMillis();
      Map<TopicPartition, Long> times = new HashMap<>();
      for (TopicPartition tp : partitions) times.put(tp, since);
      Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(times, apiTimeout);
      Map<TopicPartition, Long> ends = null;
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp o = found.get(tp);
        if (o == null) { // no record that recent: from the end
          if (ends == null) ends = c.endOffsets(partitions, apiTimeout);
          offsets.put(tp, ends.get(tp));
        } else {
          offsets.put(tp, o.offset());
        }
      }
    }
    return offsets;
  }

  /**
   * Seeks assigned partitions to {@code offsets}, the others to their end when {@code fromEnd},
   * else to their beginning.
   */
  static void seek(
      KafkaConsumer<byte[], byte[]> c,
      Set<TopicPartition> partitions,
      Map<TopicPartition, Long> offsets,
      boolean fromEnd) {
    for (TopicPartition tp : partitions) {
      Long at = offsets.get(tp);
      if (at != null) c.seek(tp, at);
      else if (fromEnd) c.seekToEnd(List.of(tp));
      else c.seekToBeginning(List.of(tp));
    }
  }
}

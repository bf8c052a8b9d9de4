package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What reached Kafka: every record of the attendance and location topics, read from the beginning
 * to the end, counted per topic and event ID (only the run's own IDs, with its prefix).
 */
final class Ledger {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private Ledger() {}

  /** "topic eventId" → records, of the event IDs starting with the prefix. */
  static Map<String, Integer> count(String bootstrap, String prefix) throws IOException {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Integer> counts = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.ATTENDANCE, Topics.LOCATION)) {
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!reached(consumer, end, Set.copyOf(partitions))) {
        if (System.nanoTime() > deadline) {
          throw new IOException("could not read the event topics to their end in " + DEADLINE);
        }
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
          JsonNode value = Json.MAPPER.readTree(rec.value());
          String id = value == null ? null : value.path("eventId").asText(null);
          if (id != null && id.startsWith(prefix))
            counts.merge(rec.topic() + " " + id, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> end,
      Set<TopicPartition> ps) {
    for (TopicPartition tp : ps) if (consumer.position(tp) < end.get(tp)) return false;
    return true;
  }
}

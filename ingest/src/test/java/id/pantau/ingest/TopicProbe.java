package id.pantau.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a request added to a topic: the end offsets before it, then everything up to the end
 * offsets after it. Ingest answers only after Kafka acknowledged, so the range is exact, with no
 * waiting for records that might still come.
 */
final class TopicProbe implements AutoCloseable {
  private final Supplier<String> bootstrap;
  private KafkaConsumer<String, String> consumer;

  TopicProbe(String bootstrap) {
    this(() -> bootstrap);
  }

  /** For a broker that starts later: the consumer connects on first use. */
  TopicProbe(Supplier<String> bootstrap) {
    this.bootstrap = bootstrap;
  }

  private KafkaConsumer<String, String> consumer() {
    if (consumer != null) return consumer;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.get());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(p);
    return consumer;
  }

  Map<TopicPartition, Long> end(String topic) {
    List<TopicPartition> partitions =
        consumer().partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(i -> new TopicPartition(topic, i.partition()))
            .toList();
    return consumer().endOffsets(partitions, Duration.ofSeconds(30));
  }

  /** What a request published on a topic: its answer, and the records written while it ran. */
  record Published<A>(A answer, List<ConsumerRecord<String, String>> records) {
    List<String> keys() {
      return records.stream().map(ConsumerRecord::key).toList();
    }

    /** The first record's value, as the bytes the JSON codec reads. */
    byte[] firstValue() {
      return records.get(0).value().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Sends the request and reads what it published on the topic. */
  <A> Published<A> publishedBy(String topic, Supplier<A> request) {
    Map<TopicPartition, Long> before = end(topic);
    A answer = request.get();
    return new Published<>(answer, since(before));
  }

  /** The records written since the offsets {@code before}, up to the end right now. */
  List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> before) {
    KafkaConsumer<String, String> consumer = consumer();
    Map<TopicPartition, Long> to = consumer.endOffsets(before.keySet(), Duration.ofSeconds(30));
    consumer.assign(before.keySet());
    before.forEach(consumer::seek);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!reached(to)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("could not read up to " + to + " within 30 s");
      }
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) records.add(r);
      }
    }
    return records;
  }

  private boolean reached(Map<TopicPartition, Long> to) {
    KafkaConsumer<String, String> consumer = consumer();
    for (Map.Entry<TopicPartition, Long> e : to.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) return false;
    }
    return true;
  }

  @Override
  public void close() {
    if (consumer != null) consumer.close(Duration.ofSeconds(2));
  }
}

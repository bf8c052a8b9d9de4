package id.pantau.api.audit;

import id.pantau.events.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends audit records to the audit topic (acks=all, idempotent) from a thread of its own, so a
 * request never waits for Kafka: it only queues. The queue is bounded; a record that finds it full,
 * or that Kafka does not take, is logged as a WARN with the record itself (it is in the audit log
 * file all the same), never dropped silently.
 */
final class AuditProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditProducer.class);
  private static final Duration MAX_BLOCK = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

  private final String topic;
  private final Producer<String, byte[]> producer;
  private final BlockingQueue<AuditRecord> queue;
  private final Thread sender;
  private volatile boolean closing;
  private volatile boolean stopped;

  AuditProducer(String bootstrap, String topic, int capacity) {
    this.topic = topic;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG,
                "pantau-dashboard-audit",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Only the sender thread waits for metadata; a request never does.
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) MAX_BLOCK.toMillis(),
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                4 * 1024 * 1024),
            new StringSerializer(),
            new ByteArraySerializer());
    this.sender = new Thread(this::run, "pantau-audit-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /** Queues the record for the topic; never blocks. */
  void offer(AuditRecord r) {
    if (closing || !queue.offer(r)) {
      LOG.warn("audit: not sent to {} (queue full or closing): {}", topic, json(r));
    }
  }

  private void run() {
    while (!stopped) {
      AuditRecord r;
      try {
        r = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (r != null) send(r);
      else if (closing) return; // everything queued before the close was handed to the producer
    }
  }

  private void send(AuditRecord r) {
    String key = r.unit() != null ? r.unit() : r.who();
    try {
      producer.send(
          new ProducerRecord<>(topic, key, Json.bytes(r)),
          (meta, e) -> {
            if (e != null) {
              LOG.warn("audit: not delivered to {} ({}): {}", topic, e.toString(), json(r));
            }
          });
    } catch (RuntimeException e) { // an interrupt on close included
      LOG.warn("audit: not sent to {} ({}): {}", topic, e.toString(), json(r));
    }
  }

  /**
   * Hands what is queued to the producer and closes it, waiting a few seconds at most: with Kafka
   * down, what is left is logged as not sent.
   */
  @Override
  public void close() {
    closing = true;
    join(CLOSE_WAIT);
    if (sender.isAlive()) {
      stopped = true;
      sender.interrupt(); // a send waiting for metadata gives up
      join(CLOSE_WAIT);
    }
    List<AuditRecord> left = new ArrayList<>();
    queue.drainTo(left);
    for (AuditRecord r : left) LOG.warn("audit: not sent to {} (closing): {}", topic, json(r));
    producer.close(CLOSE_WAIT);
  }

  private void join(Duration d) {
    try {
      sender.join(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String json(AuditRecord r) {
    return Json.text(r);
  }
}

package id.pantau.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces to Kafka with an idempotent producer (acks=all) whose every wait is bounded by one
 * timeout: {@code max.block.ms} (metadata, a full buffer) and {@code delivery.timeout.ms} (the
 * acknowledgement, retries included) both equal it, and {@code request.timeout.ms} is short enough
 * that a lost request is retried inside it. So a broker that is down turns into a failed future
 * after at most that bound, and the producer carries on by itself once the broker is back.
 */
public final class KafkaEventPublisher implements EventPublisher {
  static final int LINGER_MS = 5;
  static final int BATCH_BYTES = 128 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
  private static final long HEALTH_CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String bootstrap;
  private final Duration timeout;
  private final KafkaProducer<String, byte[]> producer;
  private final Object adminLock = new Object();
  private Admin admin;
  private long checkedAt;
  private boolean lastReachable;
  private volatile boolean closed;

  public KafkaEventPublisher(String bootstrapServers, Duration timeout) {
    this.bootstrap = bootstrapServers;
    this.timeout = timeout;
    this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, timeout));
  }

  /** The producer's settings; public so tests and operators can see exactly what runs. */
  public static Properties producerProperties(String bootstrapServers, Duration timeout) {
    int bound = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    // delivery.timeout.ms must be >= linger.ms + request.timeout.ms (the client refuses otherwise);
    // half the rest lets one request be retried within the bound.
    int requestTimeout = Math.max(500, (bound - LINGER_MS) / 2);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "pantau-ingest");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, bound);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(bound, LINGER_MS + requestTimeout));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /** lz4 when its codec is on the classpath (kafka-clients brings it at runtime), else none. */
  static String compression() {
    try {
      Class.forName(
          "net.jpountz.lz4.LZ4Factory", false, KafkaEventPublisher.class.getClassLoader());
      return "lz4";
    } catch (ClassNotFoundException e) {
      return "none";
    }
  }

  @Override
  public void publish(String topic, String key, byte[] value, Acknowledgement then) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> then.done(error));
    } catch (RuntimeException e) { // closed producer, serializer failure, interrupted wait
      then.done(e);
    }
  }

  /** Asks the cluster for its nodes, at most once a second (a load balancer may poll often). */
  @Override
  public boolean reachable() {
    synchronized (adminLock) {
      if (closed) return false;
      long now = System.nanoTime();
      if (admin != null && now - checkedAt < HEALTH_CACHE_NANOS) return lastReachable;
      if (admin == null) admin = Admin.create(adminProperties());
      boolean up;
      int waitMs = (int) Math.min(2000, timeout.toMillis());
      try {
        up =
            !admin
                .describeCluster(new DescribeClusterOptions().timeoutMs(waitMs))
                .nodes()
                .get(waitMs + 500L, TimeUnit.MILLISECONDS)
                .isEmpty();
      } catch (ExecutionException | TimeoutException e) {
        up = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        up = false;
      }
      if (up != lastReachable || checkedAt == 0) {
        if (up) LOG.info("Kafka at {} is reachable", bootstrap);
        else LOG.warn("Kafka at {} is NOT reachable", bootstrap);
      }
      lastReachable = up;
      checkedAt = System.nanoTime();
      return up;
    }
  }

  private Map<String, Object> adminProperties() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.CLIENT_ID_CONFIG, "pantau-ingest-health",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
  }

  /** Waits up to the bound for records in flight, then closes. */
  @Override
  public void close() {
    synchronized (adminLock) {
      closed = true;
      if (admin != null) admin.close(Duration.ofSeconds(1));
      admin = null;
    }
    producer.close(timeout);
  }
}

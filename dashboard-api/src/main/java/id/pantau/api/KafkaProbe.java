package id.pantau.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/**
 * Kafka is up when the cluster describes itself within the timeout. One admin client is kept (made
 * on first use) so a health check costs one request, not a new connection.
 */
public final class KafkaProbe implements Probe, AutoCloseable {
  private final String bootstrapServers;
  private final Duration timeout;
  private Admin admin;
  private boolean closed;

  public KafkaProbe(String bootstrapServers, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  @Override
  public boolean up() {
    Admin client;
    try {
      client = admin();
    } catch (KafkaException e) {
      return false; // e.g. no resolvable bootstrap address
    }
    if (client == null) return false;
    int ms = (int) timeout.toMillis();
    try {
      Collection<Node> nodes =
          client
              .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
              .nodes()
              .get(ms + 500L, TimeUnit.MILLISECONDS);
      return !nodes.isEmpty();
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized Admin admin() {
    if (closed) return null;
    if (admin == null) {
      int ms = (int) timeout.toMillis();
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(AdminClientConfig.CLIENT_ID_CONFIG, "pantau-dashboard-health");
      p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
      p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(ms, 1000));
      p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, ms);
      p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
      p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
      admin = Admin.create(p);
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }
}

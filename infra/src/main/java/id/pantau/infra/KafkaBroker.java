package id.pantau.infra;

import id.pantau.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka (broker and controller in one JVM) as a child process, so tests and the
 * demo talk to a real broker over TCP and can kill it. The data directory survives restarts.
 */
public final class KafkaBroker extends LoopbackServer {
  /**
   * Ready in ~4 s on an idle 2-core machine, 15 s seen under a parallel build; a broker that fails
   * exits and is reported at once, so the deadline only guards a hang.
   */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private static final Object FORMAT_LOCK = new Object();

  private KafkaBroker(int port, int controllerPort, ChildProcess process) {
    super(process, port, controllerPort);
  }

  public static KafkaBroker start(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find());
  }

  public static KafkaBroker start(Path dataDir, int port) throws IOException {
    FreePort.requireFree(port, "Kafka");
    Path dir = Files.createDirectories(dataDir).toAbsolutePath();
    int controllerPort = FreePort.find();
    Path config = KafkaFiles.writeServerProperties(dir, port, controllerPort);
    Path log = dir.resolve("kafka.log");
    ChildProcess.truncate(log);
    format(dir, config, log);
    long started = ChildProcess.starting("Kafka", port, log);
    ChildProcess process =
        ChildProcess.startJava(
            "kafka",
            dir.resolve("kafka-jvm.args"),
            KafkaFiles.jvmArgs(dir, config),
            log,
            ChildProcess::isJavaOptionsVariable,
            Map.of());
    KafkaBroker broker = new KafkaBroker(port, controllerPort, process);
    broker.awaitReady(started);
    ChildProcess.ready("Kafka", broker.bootstrapServers(), started, process, dir);
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Every topic of the contract; reference-data topics compacted. Existing topics are kept. */
  public void createPantauTopics(int partitions) {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : Topics.ALL) {
      topics.add(KafkaTopics.newTopic(name, partitions, Topics.COMPACTED.contains(name)));
    }
    createTopics(topics);
  }

  public void createTopic(String name, int partitions, boolean compacted) {
    createTopics(List.of(KafkaTopics.newTopic(name, partitions, compacted)));
  }

  /**
   * Sets topic-level configs ({@code retention.ms} …) on the named topics; returns once the broker
   * reports them.
   */
  public void setTopicConfigs(Collection<String> topics, Map<String, String> configs) {
    try (Admin admin = admin()) {
      KafkaTopics.setConfigs(admin, bootstrapServers(), topics, configs);
    }
  }

  private void createTopics(List<NewTopic> topics) {
    try (Admin admin = admin()) {
      KafkaTopics.create(admin, bootstrapServers(), topics);
    }
  }

  private Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "pantau-infra",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            30000));
  }

  /** Port open first (so the admin client does not log refused connections), then metadata. */
  private void awaitReady(long startedNanos) {
    long deadline = startedNanos + READY_TIMEOUT.toNanos();
    long nextProgress = startedNanos + TimeUnit.SECONDS.toNanos(10);
    Admin admin = null;
    try {
      while (true) {
        if (!process.isAlive()) {
          throw failure("the broker process exited");
        }
        if (admin == null && FreePort.accepts(port)) {
          admin = admin();
        }
        if (admin != null && hasNodes(admin)) {
          return;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          throw failure("not ready after " + READY_TIMEOUT.toSeconds() + " s");
        }
        if (now - nextProgress >= 0) {
          System.err.printf(
              "still waiting for Kafka on 127.0.0.1:%d (%d s) …%n",
              port, TimeUnit.NANOSECONDS.toSeconds(now - startedNanos));
          nextProgress += TimeUnit.SECONDS.toNanos(10);
        }
        Poll.sleep(100);
      }
    } catch (RuntimeException e) {
      process.kill();
      throw e;
    } finally {
      if (admin != null) {
        admin.close(Duration.ofSeconds(2));
      }
    }
  }

  private static boolean hasNodes(Admin admin) {
    try {
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
          .nodes()
          .get()
          .isEmpty();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  private IllegalStateException failure(String what) {
    return process.startFailure(
        "Kafka on 127.0.0.1:" + port,
        what,
        "read that log; if the port is taken, start on another port (or FreePort.find()); if the"
            + " data directory is damaged, delete "
            + process.log().getParent()
            + " to start empty.");
  }

  /**
   * Formats the storage once: a data directory that has meta.properties keeps its cluster id and
   * topics. StorageTool runs in this JVM through execute(), which, unlike its main, never calls
   * System.exit; it saves a JVM start (~1 s) per fresh broker.
   */
  private static void format(Path dir, Path config, Path log) throws IOException {
    if (Files.exists(KafkaFiles.logDir(dir).resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    synchronized (FORMAT_LOCK) {
      try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
        String[] args = {
          "format",
          "--ignore-formatted",
          "-t",
          Uuid.randomUuid().toString(),
          "-c",
          config.toString()
        };
        code = kafka.tools.StorageTool.execute(args, print);
      } catch (Exception e) { // Scala's TerseFailure and friends: report, never exit
        Files.writeString(log, "StorageTool format failed: " + e + "\n");
        throw new IOException(
            "formatting Kafka storage in " + dir + " failed: " + e.getMessage(), e);
      }
    }
    Files.write(log, out.toByteArray());
    if (code != 0) {
      throw new IOException(
          "formatting Kafka storage in " + dir + " failed (exit " + code + "): " + out);
    }
  }
}

package id.pantau.infra;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The files a broker is started from, written into its data directory to be read (or rerun). */
final class KafkaFiles {
  private KafkaFiles() {}

  static Path logDir(Path dataDir) {
    return dataDir.resolve("kafka-logs");
  }

  static Path writeServerProperties(Path dataDir, int port, int controllerPort) throws IOException {
    String properties =
        String.join(
            "\n",
            "# Written by id.pantau.infra.KafkaBroker on every start (ports may change).",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT",
            "controller.listener.names=CONTROLLER",
            "log.dirs=" + logDir(dataDir),
            "num.partitions=1",
            "auto.create.topics.enable=false",
            "# One node: internal topics cannot have more than one replica.",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "# Few internal partitions: the first group or transaction waits for all of them.",
            "offsets.topic.num.partitions=1",
            "transaction.state.log.num.partitions=1",
            "share.coordinator.state.topic.num.partitions=1",
            "# Tests and the demo join one consumer at a time: no reason to wait for more.",
            "group.initial.rebalance.delay.ms=0",
            "# After a kill -9 the new incarnation cannot register before the old one's session",
            "# expires (9 s by default): fault tests and crashed demos restart faster this way.",
            "broker.heartbeat.interval.ms=500",
            "broker.session.timeout.ms=3000",
            "");
    Path file = dataDir.resolve("server.properties");
    Files.writeString(file, properties);
    return file;
  }

  /** The broker JVM's arguments (for {@link ChildProcess#startJava}), its log4j2 file written. */
  static List<String> jvmArgs(Path dataDir, Path serverProperties) throws IOException {
    Path log4j = dataDir.resolve("kafka-log4j2.properties");
    Files.writeString(log4j, LOG4J);
    return List.of(
        "-Xmx512m",
        "-Xms128m",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + log4j.toUri(),
        "-cp",
        classpath(),
        "kafka.Kafka",
        serverProperties.toString());
  }

  /**
   * The caller's class path holds kafka_2.13 and its runtime dependencies. Under Surefire it is a
   * manifest-only jar, which the child JVM follows; under `mvn exec:java` the class path is Maven's
   * own, so the URLs of the loader that sees the broker classes are added.
   */
  private static String classpath() {
    Set<String> entries =
        new LinkedHashSet<>(
            List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    for (ClassLoader loader = KafkaFiles.class.getClassLoader();
        loader != null;
        loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            try {
              entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException ignored) {
              // Not a plain file URL: the JVM could not use it as a class path entry either.
            }
          }
        }
      }
    }
    entries.remove("");
    return String.join(File.pathSeparator, entries);
  }

  /**
   * INFO to kafka.log (truncated each start) so a failed start explains itself; chatty loggers off.
   */
  private static final String LOG4J =
      String.join(
          "\n",
          "status = warn",
          "appender.out.type = Console",
          "appender.out.name = out",
          "appender.out.layout.type = PatternLayout",
          "appender.out.layout.pattern = [%d] %p %m (%c)%n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.out.ref = out",
          "logger.state.name = state.change.logger",
          "logger.state.level = warn",
          "logger.request.name = kafka.request.logger",
          "logger.request.level = warn",
          "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
          "logger.config.level = warn",
          "");
}

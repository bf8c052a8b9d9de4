package id.pantau.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The directory of a {@link FlinkCluster}: its {@code conf/} (config.yaml, log4j2.properties),
 * checkpoints, temporary and upload directories, and the memory a TaskManager is given.
 */
final class FlinkConfigDir {
  /**
   * A TaskManager's memory, as Flink's scripts compute it from {@code taskmanager.memory.*} before
   * starting the JVM (TaskManagerRunner refuses to start without these): 512 MiB heap, 192 MiB
   * direct (framework off-heap and network), 256 MiB metaspace.
   */
  static final Map<String, String> TASK_MANAGER_MEMORY = taskManagerMemory();

  private static final List<String> LOOPBACK_KEYS =
      List.of(
          "jobmanager.rpc.address",
          "jobmanager.bind-host",
          "taskmanager.host",
          "taskmanager.bind-host",
          "rest.address",
          "rest.bind-address");

  private static final List<String> KERNEL_PICKED_PORTS =
      List.of(
          "taskmanager.rpc.port",
          "taskmanager.data.port",
          "blob.server.port",
          "metrics.internal.query-service.port");

  private final Path dir;

  FlinkConfigDir(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path conf() {
    return dir.resolve("conf");
  }

  Path log4j() {
    return conf().resolve("log4j2.properties");
  }

  /** Where checkpoints go unless a job sets its own directory. */
  Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  void write(int rpcPort, int restPort, int slots) throws IOException {
    Map<String, String> conf = new LinkedHashMap<>();
    // Every address the processes bind or are reached at is the loopback one.
    for (String key : LOOPBACK_KEYS) conf.put(key, "127.0.0.1");
    conf.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    // 0: each process binds a port the kernel picks, so none can be taken by someone else first.
    for (String key : KERNEL_PICKED_PORTS) conf.put(key, "0");
    conf.put("rest.port", Integer.toString(restPort));
    conf.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
    conf.put("execution.checkpointing.dir", checkpoints().toUri().toString());
    conf.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
    conf.put("web.tmpdir", Files.createDirectories(dir.resolve("web")).toString());
    conf.put("web.upload.dir", Files.createDirectories(dir.resolve("jars")).toString());
    // A TaskManager killed without a word is declared lost after two failed heartbeats (2 s each)
    // instead of Flink's 50 s; a busy machine still answers a heartbeat within 20 s.
    conf.put("heartbeat.interval", "2000");
    conf.put("heartbeat.timeout", "20000");
    // A TaskManager whose heartbeat RPC is refused (its process is gone) is lost at once.
    conf.put("heartbeat.rpc-failure-threshold", "1");
    // Flink's default restart strategy with checkpoints on, its first delays short: a restore
    // after a lost TaskManager starts within a second instead of 1 s growing by half each time.
    conf.put("restart-strategy.type", "exponential-delay");
    conf.put("restart-strategy.exponential-delay.initial-backoff", "100 ms");
    conf.put("restart-strategy.exponential-delay.max-backoff", "1 s");
    // The REST API's view of a job at most 200 ms old (Flink caches it for 3 s by default).
    conf.put("web.refresh-interval", "200");
    Path config = Files.createDirectories(conf()).resolve("config.yaml");
    Files.writeString(
        config,
        "# Written by id.pantau.local.FlinkCluster on every start (ports change).\n"
            + conf.entrySet().stream()
                .map(e -> e.getKey() + ": " + yaml(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n")));
    Files.writeString(log4j(), LOG4J);
  }

  /** A value of {@link #TASK_MANAGER_MEMORY} in bytes. */
  static long bytes(String key) {
    String v = TASK_MANAGER_MEMORY.get(key);
    return Long.parseLong(v.substring(0, v.length() - 1));
  }

  private static Map<String, String> taskManagerMemory() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("taskmanager.cpu.cores", "1.0");
    m.put("taskmanager.memory.framework.heap.size", mib(128));
    m.put("taskmanager.memory.task.heap.size", mib(384));
    m.put("taskmanager.memory.framework.off-heap.size", mib(128));
    m.put("taskmanager.memory.task.off-heap.size", mib(0));
    m.put("taskmanager.memory.network.min", mib(64));
    m.put("taskmanager.memory.network.max", mib(64));
    m.put("taskmanager.memory.managed.size", mib(32));
    m.put("taskmanager.memory.jvm-metaspace.size", mib(256));
    m.put("taskmanager.memory.jvm-overhead.min", mib(192));
    m.put("taskmanager.memory.jvm-overhead.max", mib(192));
    return Collections.unmodifiableMap(m);
  }

  private static String mib(long n) {
    return (n << 20) + "b";
  }

  private static String yaml(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Logs of each process to its own file (stdout); Flink's INFO explains a failed start. */
  private static final String LOG4J =
      String.join(
          "\n",
          "status = warn",
          "monitorInterval = 0",
          "appender.out.type = Console",
          "appender.out.name = out",
          "appender.out.layout.type = PatternLayout",
          "appender.out.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} [%t] - %m%n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.out.ref = out",
          "logger.kafka.name = org.apache.kafka",
          "logger.kafka.level = warn",
          "logger.pekko.name = org.apache.pekko",
          "logger.pekko.level = warn",
          "");
}

package id.pantau.local;

import id.pantau.infra.ChildProcess;
import id.pantau.infra.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Starts the JVMs of a {@link FlinkCluster}, as Flink's own scripts would: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) or a TaskManager ({@code TaskManagerRunner}) on Flink's
 * jars, configured by the cluster's {@code conf/}, with the environment given instead of this JVM's
 * {@code PANTAU_*} and Java options.
 */
final class FlinkProcessLauncher {
  /** Seen: the JobManager's REST API answers in ~35 s on a loaded 2-core machine. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER_MAIN =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  private static final Set<String> JAVA_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH");

  private final FlinkConfigDir config;
  private final String classpath;
  private final List<String> jvmFlags;
  private final Map<String, String> env;

  FlinkProcessLauncher(
      FlinkConfigDir config, String classpath, List<String> jvmFlags, Map<String, String> env) {
    this.config = config;
    this.classpath = classpath;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.env = Map.copyOf(env);
  }

  ChildProcess jobManager(Path log) throws IOException {
    List<String> args = new ArrayList<>(List.of("-Xmx512m", "-Xms128m"));
    args.addAll(commonJvmArgs(log));
    args.addAll(List.of(JOB_MANAGER_MAIN, "--configDir", config.conf().toString()));
    return launch("flink-jobmanager", "jobmanager", args, log);
  }

  /** TaskManager number {@code n}, registering with the resource id {@code id}. */
  ChildProcess taskManager(String id, int n, Path log) throws IOException {
    long heap =
        FlinkConfigDir.bytes("taskmanager.memory.framework.heap.size")
            + FlinkConfigDir.bytes("taskmanager.memory.task.heap.size");
    long direct =
        FlinkConfigDir.bytes("taskmanager.memory.framework.off-heap.size")
            + FlinkConfigDir.bytes("taskmanager.memory.task.off-heap.size")
            + FlinkConfigDir.bytes("taskmanager.memory.network.max");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-Xmx" + heap,
                "-Xms" + heap,
                "-XX:MaxDirectMemorySize=" + direct,
                "-XX:MaxMetaspaceSize="
                    + FlinkConfigDir.bytes("taskmanager.memory.jvm-metaspace.size")));
    args.addAll(commonJvmArgs(log));
    args.addAll(List.of(TASK_MANAGER_MAIN, "--configDir", config.conf().toString()));
    Map<String, String> dynamic = new LinkedHashMap<>(FlinkConfigDir.TASK_MANAGER_MEMORY);
    dynamic.put("taskmanager.resource-id", id);
    dynamic.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
    return launch("flink-" + id, "taskmanager-" + n, args, log);
  }

  /** Waits for the condition while the process lives; on failure, the reason and its log. */
  static void awaitReady(ChildProcess process, String what, BooleanSupplier ready) {
    long startedNs = System.nanoTime();
    boolean ok = Poll.until(READY_TIMEOUT, () -> !process.isAlive() || ready.getAsBoolean());
    if (ok && process.isAlive()) return;
    String why =
        process.isAlive()
            ? "not ready after " + (System.nanoTime() - startedNs) / 1_000_000_000 + " s"
            : "the process exited";
    process.kill();
    throw new IllegalStateException(
        "Flink: waiting for "
            + what
            + ": "
            + why
            + ". Last lines of "
            + process.log()
            + ":\n"
            + process.logTail(30));
  }

  /** The JVM arguments of every process: the JDK's flags, logging to the process's own file. */
  private List<String> commonJvmArgs(Path log) {
    List<String> args = new ArrayList<>(jvmFlags);
    args.add("-XX:+ExitOnOutOfMemoryError");
    args.add("-Djava.awt.headless=true");
    args.add("-Dlog.file=" + log);
    args.add("-Dlog4j.configurationFile=" + config.log4j().toUri());
    args.add("-cp");
    args.add(classpath);
    return args;
  }

  /**
   * Starts {@code java @name.args}: a JDK argument file (a class path may be longer than one
   * argument can be), which also lets a developer start the same process by hand.
   */
  private ChildProcess launch(String name, String file, List<String> args, Path log)
      throws IOException {
    Path argFile = config.dir().resolve(file + ".args");
    Files.writeString(
        argFile,
        args.stream().map(FlinkProcessLauncher::quote).collect(Collectors.joining("\n", "", "\n")));
    return ChildProcess.start(
        name,
        List.of(java(), "@" + argFile),
        log,
        n -> n.startsWith("PANTAU_") || n.startsWith("FLINK_") || JAVA_OPTIONS.contains(n),
        env);
  }

  /** This JVM's java: the Flink jars were chosen for the same JDK. */
  private static String java() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package id.pantau.local;

import id.pantau.infra.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
    process.awaitReady("Flink (waiting for " + what + ")", READY_TIMEOUT, ready, "");
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

  /** Starts {@code java @file.args} in the cluster's directory: a developer can rerun it. */
  private ChildProcess launch(String name, String file, List<String> args, Path log)
      throws IOException {
    return ChildProcess.startJava(
        name,
        config.dir().resolve(file + ".args"),
        args,
        log,
        n ->
            n.startsWith("PANTAU_")
                || n.startsWith("FLINK_")
                || ChildProcess.isJavaOptionsVariable(n),
        env);
  }
}

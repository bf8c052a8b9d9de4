package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.ChildProcess;
import id.pantau.infra.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A standalone Flink session cluster as child processes on 127.0.0.1: a JobManager and
 * TaskManagers, each its own JVM on Flink's jars from Maven Central (the class path the {@code
 * flink-cluster} module writes), configured by a written {@code config.yaml} ({@link
 * FlinkConfigDir}), started as Flink's own scripts would ({@link FlinkProcessLauncher}). Nothing of
 * Pantau is on their class path: jobs reach the cluster only through its REST API ({@link
 * FlinkRestClient}), as a jar ({@link #uploadJar}, {@link #run}), as on any cluster. Every process
 * gets the environment given (the jobs' {@code PANTAU_*} settings) instead of this JVM's {@code
 * PANTAU_*} and Java options, and is stopped by its own pid.
 */
public final class FlinkCluster implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final FlinkConfigDir config;
  private final FlinkProcessLauncher launcher;
  private final FlinkRestClient rest;
  private final int restPort;
  // Copy on write: a test reads it while another thread starts a TaskManager.
  private final List<TaskManager> taskManagers = new CopyOnWriteArrayList<>();
  private ChildProcess jobManager;
  private int taskManagersStarted;

  /** A TaskManager process; its resource id ({@code tm-N}) is how the REST API names it. */
  public static final class TaskManager {
    private final String id;
    private final ChildProcess process;

    private TaskManager(String id, ChildProcess process) {
      this.id = id;
      this.process = process;
    }

    public String id() {
      return id;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** SIGKILL to this pid, as a crashed machine: no goodbye to the JobManager. */
    public void kill() {
      process.kill();
    }

    public Path log() {
      return process.log();
    }
  }

  private FlinkCluster(
      Path dir, String classpath, List<String> jvmFlags, Map<String, String> env, int restPort) {
    this.config = new FlinkConfigDir(dir);
    this.launcher = new FlinkProcessLauncher(config, classpath, jvmFlags, env);
    this.rest = new FlinkRestClient("http://127.0.0.1:" + restPort, this::jobManagerTail);
    this.restPort = restPort;
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each and
   * returns once every TaskManager has registered.
   *
   * @param dir the cluster's directory: its config.yaml, logs, uploaded jars and checkpoints
   * @param classpath the Flink jars (flink-runtime, flink-streaming-java, flink-clients,
   *     flink-runtime-web and a log4j2 binding), joined by ':'
   * @param jvmFlags the flags Flink needs on this JDK (--add-opens …)
   * @param env the environment of every process, e.g. the jobs' PANTAU_* settings
   */
  public static FlinkCluster start(
      Path dir,
      String classpath,
      List<String> jvmFlags,
      Map<String, String> env,
      int taskManagers,
      int slots)
      throws IOException {
    Path home = Files.createDirectories(dir).toAbsolutePath();
    int restPort = FreePort.find();
    FlinkCluster cluster = new FlinkCluster(home, classpath, jvmFlags, env, restPort);
    try {
      cluster.config.write(FreePort.find(), restPort, slots);
      cluster.startJobManager();
      for (int i = 0; i < taskManagers; i++) cluster.startTaskManager();
      return cluster;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
  }

  public String restUrl() {
    return rest.url();
  }

  /** The TaskManagers started, the killed ones too. */
  public List<TaskManager> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /** Where checkpoints go unless a job sets its own directory. */
  public Path checkpoints() {
    return config.checkpoints();
  }

  private void startJobManager() throws IOException {
    Path log = config.dir().resolve("jobmanager.log");
    ChildProcess.truncate(log);
    long started = ChildProcess.starting("a Flink JobManager", restPort, log);
    jobManager = launcher.jobManager(log);
    FlinkProcessLauncher.awaitReady(
        jobManager,
        "the JobManager's REST API on " + restUrl(),
        () -> rest.answers("/overview", o -> o.has("taskmanagers")));
    System.err.printf(
        "Flink JobManager ready at %s in %.1f s (pid %d)%n",
        restUrl(), (System.nanoTime() - started) / 1e9, jobManager.pid());
  }

  /** Starts one more TaskManager and returns once the JobManager lists it. */
  public synchronized TaskManager startTaskManager() throws IOException {
    int n = ++taskManagersStarted;
    String id = "tm-" + n;
    Path log = config.dir().resolve("taskmanager-" + n + ".log");
    ChildProcess.truncate(log);
    long started = System.nanoTime();
    ChildProcess process = launcher.taskManager(id, n, log);
    TaskManager tm = new TaskManager(id, process);
    taskManagers.add(tm);
    FlinkProcessLauncher.awaitReady(
        process, "TaskManager " + id + " to register", () -> registered().contains(id));
    System.err.printf(
        "Flink TaskManager %s registered in %.1f s (pid %d, log: %s)%n",
        id, (System.nanoTime() - started) / 1e9, process.pid(), log);
    return tm;
  }

  /** The resource ids of the TaskManagers the JobManager lists now. */
  public Set<String> registered() {
    return rest.registered();
  }

  /** POST /jars/upload: the jar's id on the cluster, for {@link #run}. */
  public String uploadJar(Path jar) throws IOException, InterruptedException {
    return rest.uploadJar(jar);
  }

  /**
   * POST /jars/{id}/run: runs the jar's main (its manifest's Main-Class) on the JobManager, which
   * submits the job; returns the job's id.
   */
  public String run(String jarId) throws IOException, InterruptedException {
    return rest.run(jarId);
  }

  /** GET a path of the REST API (e.g. /jobs/{id}/checkpoints) as JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return rest.get(path);
  }

  /** A job's state: CREATED, RUNNING, RESTARTING, FINISHED, FAILED … */
  public String state(String job) throws IOException, InterruptedException {
    return get("/jobs/" + job).path("state").asText();
  }

  /**
   * Waits until {@code GET path} answers JSON the condition holds for, and returns it; fails at the
   * deadline, or as soon as the job has ended without the condition holding (with its exception
   * when it failed).
   */
  public JsonNode await(String job, String path, Duration timeout, Predicate<JsonNode> condition)
      throws IOException, InterruptedException {
    return rest.await(job, path, timeout, condition);
  }

  /** Waits until the job is FINISHED (a bounded job that read all its input). */
  public void awaitFinished(String job, Duration timeout) throws IOException, InterruptedException {
    await(job, "/jobs/" + job, timeout, j -> "FINISHED".equals(j.path("state").asText()));
  }

  private String jobManagerTail() {
    return "\nLast lines of " + jobManager.log() + ":\n" + jobManager.logTail(20);
  }

  /** Stops the TaskManagers, then the JobManager: SIGTERM, SIGKILL after 15 s, each by its pid. */
  @Override
  public void close() {
    for (TaskManager tm : taskManagers) {
      if (tm.isAlive()) tm.process.stop(STOP_GRACE);
    }
    if (jobManager != null) jobManager.stop(STOP_GRACE);
  }
}

package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.infra.ChildProcess;
import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A standalone Flink session cluster as child processes on 127.0.0.1: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each its own
 * JVM on Flink's jars from Maven Central (the class path the {@code flink-cluster} module writes),
 * configured by a written {@code config.yaml}, as Flink's own scripts would start them. Nothing of
 * Pantau is on their class path: jobs reach the cluster only through its REST API, as a jar ({@link
 * #uploadJar}, {@link #run}), as on any cluster. Every process gets the environment given (the
 * jobs' {@code PANTAU_*} settings) instead of this JVM's {@code PANTAU_*} and Java options, and is
 * stopped by its own pid.
 */
public final class FlinkCluster implements AutoCloseable {
  /** Seen: the JobManager's REST API answers in ~35 s on a loaded 2-core machine. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A TaskManager's memory, as Flink's scripts compute it from {@code taskmanager.memory.*} before
   * starting the JVM (TaskManagerRunner refuses to start without these): 512 MiB heap, 192 MiB
   * direct (framework off-heap and network), 256 MiB metaspace.
   */
  private static final Map<String, String> TASK_MANAGER_MEMORY = taskManagerMemory();

  private static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER_MAIN =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  private final Path dir;
  private final String classpath;
  private final List<String> jvmFlags;
  private final Map<String, String> env;
  private final int restPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<TaskManager> taskManagers = new ArrayList<>();
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
    this.dir = dir;
    this.classpath = classpath;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.env = Map.copyOf(env);
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
      cluster.writeConfig(FreePort.find(), slots);
      cluster.startJobManager();
      for (int i = 0; i < taskManagers; i++) cluster.startTaskManager();
      return cluster;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
  }

  public String restUrl() {
    return "http://127.0.0.1:" + restPort;
  }

  /** The TaskManagers started, the killed ones too. */
  public List<TaskManager> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /** Where checkpoints go unless a job sets its own directory. */
  public Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  private void writeConfig(int rpcPort, int slots) throws IOException {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("jobmanager.rpc.address", "127.0.0.1");
    conf.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    conf.put("jobmanager.bind-host", "127.0.0.1");
    conf.put("taskmanager.host", "127.0.0.1");
    conf.put("taskmanager.bind-host", "127.0.0.1");
    // 0: each process binds a port the kernel picks, so none can be taken by someone else first.
    conf.put("taskmanager.rpc.port", "0");
    conf.put("taskmanager.data.port", "0");
    conf.put("blob.server.port", "0");
    conf.put("metrics.internal.query-service.port", "0");
    conf.put("rest.address", "127.0.0.1");
    conf.put("rest.bind-address", "127.0.0.1");
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
    // The REST API's view of a job at most 200 ms old (Flink caches it for 3 s by default).
    conf.put("web.refresh-interval", "200");
    Path config = Files.createDirectories(dir.resolve("conf")).resolve("config.yaml");
    Files.writeString(
        config,
        "# Written by id.pantau.local.FlinkCluster on every start (ports change).\n"
            + conf.entrySet().stream()
                .map(e -> e.getKey() + ": " + yaml(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n")));
    Files.writeString(dir.resolve("conf").resolve("log4j2.properties"), LOG4J);
  }

  private void startJobManager() throws IOException {
    Path log = dir.resolve("jobmanager.log");
    ChildProcess.truncate(log);
    List<String> args = new ArrayList<>(List.of("-Xmx512m", "-Xms128m"));
    args.addAll(commonJvmArgs(log));
    args.addAll(List.of(JOB_MANAGER_MAIN, "--configDir", dir.resolve("conf").toString()));
    System.err.printf("starting a Flink JobManager on 127.0.0.1:%d … (log: %s)%n", restPort, log);
    long started = System.nanoTime();
    jobManager = launch("flink-jobmanager", "jobmanager", args, log);
    await(
        jobManager,
        "the JobManager's REST API on " + restUrl(),
        () -> answers("/overview", o -> o.has("taskmanagers")));
    System.err.printf(
        "Flink JobManager ready at %s in %.1f s (pid %d)%n",
        restUrl(), (System.nanoTime() - started) / 1e9, jobManager.pid());
  }

  /** Starts one more TaskManager and returns once the JobManager lists it. */
  public synchronized TaskManager startTaskManager() throws IOException {
    String id = "tm-" + ++taskManagersStarted;
    Path log = dir.resolve("taskmanager-" + taskManagersStarted + ".log");
    ChildProcess.truncate(log);
    long heap =
        bytes("taskmanager.memory.framework.heap.size")
            + bytes("taskmanager.memory.task.heap.size");
    long direct =
        bytes("taskmanager.memory.framework.off-heap.size")
            + bytes("taskmanager.memory.task.off-heap.size")
            + bytes("taskmanager.memory.network.max");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-Xmx" + heap,
                "-Xms" + heap,
                "-XX:MaxDirectMemorySize=" + direct,
                "-XX:MaxMetaspaceSize=" + bytes("taskmanager.memory.jvm-metaspace.size")));
    args.addAll(commonJvmArgs(log));
    args.addAll(List.of(TASK_MANAGER_MAIN, "--configDir", dir.resolve("conf").toString()));
    Map<String, String> dynamic = new LinkedHashMap<>(TASK_MANAGER_MEMORY);
    dynamic.put("taskmanager.resource-id", id);
    dynamic.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
    long started = System.nanoTime();
    ChildProcess process = launch("flink-" + id, "taskmanager-" + taskManagersStarted, args, log);
    TaskManager tm = new TaskManager(id, process);
    taskManagers.add(tm);
    await(process, "TaskManager " + id + " to register", () -> registered().contains(id));
    System.err.printf(
        "Flink TaskManager %s registered in %.1f s (pid %d, log: %s)%n",
        id, (System.nanoTime() - started) / 1e9, process.pid(), log);
    return tm;
  }

  /** The resource ids of the TaskManagers the JobManager lists now. */
  public Set<String> registered() {
    JsonNode tms = getOrNull("/taskmanagers");
    if (tms == null) return Set.of();
    Set<String> ids = new java.util.TreeSet<>();
    tms.path("taskmanagers").forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  /** POST /jars/upload: the jar's id on the cluster, for {@link #run}. */
  public String uploadJar(Path jar) throws IOException, InterruptedException {
    String boundary = "pantau-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(jar));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            "POST /jars/upload " + jar);
    String file = answer.path("filename").asText();
    if (!"success".equals(answer.path("status").asText()) || file.isEmpty()) {
      throw new IllegalStateException("POST /jars/upload " + jar + ": " + answer);
    }
    return Path.of(file).getFileName().toString();
  }

  /**
   * POST /jars/{id}/run: runs the jar's main (its manifest's Main-Class) on the JobManager, which
   * submits the job; returns the job's id.
   */
  public String run(String jarId) throws IOException, InterruptedException {
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(restUrl() + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")),
            "POST /jars/" + jarId + "/run");
    String job = answer.path("jobid").asText();
    if (job.isEmpty()) throw new IllegalStateException("POST /jars/" + jarId + "/run: " + answer);
    return job;
  }

  /** GET a path of the REST API (e.g. /jobs/{id}/checkpoints) as JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(restUrl() + path)).GET(), "GET " + path);
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
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    AtomicReference<String> ended = new AtomicReference<>();
    boolean held =
        Poll.until(
            timeout,
            () -> {
              JsonNode state = getOrNull("/jobs/" + job);
              JsonNode answer = path.equals("/jobs/" + job) ? state : getOrNull(path);
              seen.set(answer);
              if (answer != null && condition.test(answer)) return true;
              String s = state == null ? "" : state.path("state").asText();
              if (!ENDED.contains(s)) return false;
              ended.set(s);
              return true;
            });
    if (ended.get() != null) {
      throw new IllegalStateException(
          "job "
              + job
              + " is "
              + ended.get()
              + " before GET "
              + path
              + " answered as awaited (last answer: "
              + seen.get()
              + ")"
              + ("FINISHED".equals(ended.get()) ? "" : ": " + rootException(job))
              + jobManagerTail());
    }
    if (!held) {
      throw new IllegalStateException(
          "job "
              + job
              + ": GET "
              + path
              + " did not answer as awaited in "
              + timeout.toSeconds()
              + " s; last answer: "
              + seen.get()
              + jobManagerTail());
    }
    return seen.get();
  }

  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

  /** Waits until the job is FINISHED (a bounded job that read all its input). */
  public void awaitFinished(String job, Duration timeout) throws IOException, InterruptedException {
    await(job, "/jobs/" + job, timeout, j -> "FINISHED".equals(j.path("state").asText()));
  }

  private String rootException(String job) {
    JsonNode ex = getOrNull("/jobs/" + job + "/exceptions");
    if (ex == null) return "(no exception reported)";
    String root = ex.path("exceptionHistory").path("entries").path(0).path("stacktrace").asText();
    if (root.isEmpty()) root = ex.path("root-exception").asText();
    int cut = root.indexOf("\n\tat ");
    return cut > 0 ? root.substring(0, cut) : root;
  }

  private String jobManagerTail() {
    return "\nLast lines of " + jobManager.log() + ":\n" + jobManager.logTail(20);
  }

  private boolean answers(String path, Predicate<JsonNode> condition) {
    JsonNode answer = getOrNull(path);
    return answer != null && condition.test(answer);
  }

  /** GET as JSON, or null while the REST API does not answer 200 (starting, or not there). */
  private JsonNode getOrNull(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(restUrl() + path))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private JsonNode send(HttpRequest.Builder request, String what)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  /** Waits for the condition while the process lives; on failure, the reason and its log. */
  private void await(ChildProcess process, String what, java.util.function.BooleanSupplier ready) {
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
    args.add(
        "-Dlog4j.configurationFile=" + dir.resolve("conf").resolve("log4j2.properties").toUri());
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
    Path argFile = dir.resolve(file + ".args");
    Files.writeString(
        argFile,
        args.stream().map(FlinkCluster::quote).collect(Collectors.joining("\n", "", "\n")));
    return ChildProcess.start(
        name,
        List.of(java(), "@" + argFile),
        log,
        n -> n.startsWith("PANTAU_") || n.startsWith("FLINK_") || JAVA_OPTIONS.contains(n),
        env);
  }

  private static final Set<String> JAVA_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH");

  /** This JVM's java: the Flink jars were chosen for the same JDK. */
  private static String java() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  /** Stops the TaskManagers, then the JobManager: SIGTERM, SIGKILL after 15 s, each by its pid. */
  @Override
  public void close() {
    for (TaskManager tm : taskManagers) {
      if (tm.isAlive()) tm.process.stop(STOP_GRACE);
    }
    if (jobManager != null) jobManager.stop(STOP_GRACE);
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
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String mib(long n) {
    return (n << 20) + "b";
  }

  private static long bytes(String key) {
    String v = TASK_MANAGER_MEMORY.get(key);
    return Long.parseLong(v.substring(0, v.length() - 1));
  }

  private static String yaml(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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

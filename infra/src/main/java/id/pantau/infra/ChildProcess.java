package id.pantau.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server process started by this JVM. It is always stopped by its own pid, never by name: other
 * brokers or influxd instances (other tests, a developer's own) may run on the same machine.
 *
 * <p>Two guards keep a process from outliving its caller: a shutdown hook (normal exit, a failed
 * test, Ctrl-C) and a watchdog shell that polls this JVM's pid, for when the JVM is killed -9 (a
 * Surefire fork timing out) and hooks never run.
 *
 * <p>Public for the servers started outside this module (local's Flink cluster).
 */
public final class ChildProcess {
  /** Grace period of a SIGTERM from the shutdown hook (Ctrl-C should not hang for long). */
  private static final Duration HOOK_GRACE = Duration.ofSeconds(10);

  /** $1 = this JVM, $2 = the server. Polls once a second; SIGTERM first so Kafka can flush. */
  private static final String WATCHDOG =
      "alive() { kill -0 \"$1\" 2>/dev/null; }; "
          + "while alive \"$1\" && alive \"$2\"; do sleep 1; done; "
          + "alive \"$2\" || exit 0; kill -TERM \"$2\"; "
          + "i=0; while [ $i -lt 10 ] && alive \"$2\"; do sleep 1; i=$((i+1)); done; "
          + "alive \"$2\" && kill -KILL \"$2\"; exit 0";

  private static final Set<String> JAVA_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH");

  private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more).*");

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread hook;
  private final Process watchdog;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.hook = new Thread(() -> stop(HOOK_GRACE), "pantau-stop-" + name + "-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
    this.watchdog = startWatchdog(process.pid());
  }

  /**
   * Starts the command with stdout and stderr appended to the log. Environment variables the
   * predicate matches are dropped (a JAVA_TOOL_OPTIONS with a debug agent, an INFLUXDB_HTTP_...
   * override) so the server runs with the configuration it was written, nothing else.
   */
  static ChildProcess start(String name, List<String> command, Path log, Predicate<String> dropEnv)
      throws IOException {
    return start(name, command, log, dropEnv, Map.of());
  }

  /** As above, then with the variables of {@code env} set (after dropping). */
  public static ChildProcess start(
      String name,
      List<String> command,
      Path log,
      Predicate<String> dropEnv,
      Map<String, String> env)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(dropEnv);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close(); // servers read no stdin
    return new ChildProcess(name, process, log);
  }

  /**
   * Starts {@code java @argFile} on this JVM's java (the jars were chosen for the same JDK), the
   * arguments written to {@code argFile} one quoted a line: a class path can exceed the kernel's
   * 128 KiB limit on one argument, and the file lets a developer rerun the server by hand.
   */
  public static ChildProcess startJava(
      String name,
      Path argFile,
      List<String> args,
      Path log,
      Predicate<String> dropEnv,
      Map<String, String> env)
      throws IOException {
    Files.writeString(
        argFile,
        args.stream().map(ChildProcess::quote).collect(Collectors.joining("\n", "", "\n")));
    return start(name, List.of(java(), "@" + argFile), log, dropEnv, env);
  }

  /** The variables that put options or classes into every JVM; a server's JVM starts without. */
  public static boolean isJavaOptionsVariable(String name) {
    return JAVA_OPTIONS.contains(name);
  }

  /**
   * Waits until {@code ready} holds while the process lives; else kills it and throws {@link
   * #startFailure} for {@code server} (e.g. "influxd on 127.0.0.1:8086").
   */
  public void awaitReady(String server, Duration timeout, BooleanSupplier ready, String hint) {
    long startedNs = System.nanoTime();
    boolean ok = Poll.until(timeout, () -> !process.isAlive() || ready.getAsBoolean());
    if (ok && process.isAlive()) return;
    String why =
        process.isAlive()
            ? "not ready after " + (System.nanoTime() - startedNs) / 1_000_000_000 + " s"
            : "the process exited";
    kill();
    throw startFailure(server, why, hint);
  }

  /** Why the server did not start, with the last lines of its log and what to do next. */
  public IllegalStateException startFailure(String server, String what, String hint) {
    return new IllegalStateException(
        server
            + " did not start: "
            + what
            + ". Last lines of "
            + log
            + ":\n"
            + logTail(30)
            + (hint.isEmpty() ? "" : "\nWhat next: " + hint));
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, wait up to the grace period, then SIGKILL; returns once the process is gone. */
  public synchronized void stop(Duration grace) {
    removeHook();
    if (process.isAlive()) {
      process.destroy(); // SIGTERM to this pid only
      if (!waitFor(grace)) {
        System.err.printf(
            "%s (pid %d) ignored SIGTERM for %s: killing it%n", name, process.pid(), grace);
        kill();
      }
    }
    stopWatchdog();
  }

  /** SIGKILL at once; returns once the process is gone. */
  public synchronized void kill() {
    removeHook();
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
    stopWatchdog();
  }

  /**
   * The last lines of the server's log for an error message, stack frames left out: a Java server's
   * last 30 lines are mostly "at ..." and would hide the "Caused by" that explains.
   */
  public String logTail(int lines) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[size];
      file.seek(length - size);
      file.readFully(bytes);
      List<String> kept =
          Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
              .filter(line -> !STACK_FRAME.matcher(line).matches())
              .toList();
      return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  public Path log() {
    return log;
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // Called from the hook itself: nothing to remove.
    }
  }

  private static Process startWatchdog(long serverPid) {
    try {
      Process watchdog =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  WATCHDOG,
                  "pantau-watchdog",
                  Long.toString(ProcessHandle.current().pid()),
                  Long.toString(serverPid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      watchdog.getOutputStream().close();
      return watchdog;
    } catch (IOException e) {
      // No sh: the shutdown hook still covers every exit but kill -9 of this JVM.
      System.err.println("no watchdog for pid " + serverPid + ": " + e.getMessage());
      return null;
    }
  }

  private void stopWatchdog() {
    if (watchdog != null) {
      watchdog.destroyForcibly();
    }
  }

  /** This JVM's java binary. */
  private static String java() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public static void truncate(Path log) throws IOException {
    Files.createDirectories(log.getParent());
    Files.write(log, new byte[0]);
  }

  /** Says on stderr that a server starts on a loopback port; returns when ({@code nanoTime}). */
  public static long starting(String name, int port, Path log) {
    System.err.printf("starting %s on 127.0.0.1:%d … (log: %s)%n", name, port, log);
    return System.nanoTime();
  }

  /** Says on stderr that a server {@link #starting} then is ready: where, how soon, its pid. */
  static void ready(String name, String address, long started, ChildProcess process, Path dir) {
    System.err.printf(
        "%s ready on %s in %.1f s (pid %d, data in %s)%n",
        name, address, (System.nanoTime() - started) / 1e9, process.pid(), dir);
  }
}

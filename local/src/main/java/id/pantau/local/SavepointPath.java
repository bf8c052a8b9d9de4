package id.pantau.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The savepoint `./pantau demo --from-savepoint` starts the jobs from: checked before anything
 * starts, and Flink's refusal of it said in the user's terms (what does not fit, what to do).
 */
final class SavepointPath {
  private static final String TAKE_ONE = "take one with ./pantau savepoint, which prints its path";

  /** Flink's words when a savepoint holds state of an operator the new job has no uid for. */
  private static final Pattern UNMATCHED =
      Pattern.compile("Cannot map checkpoint/savepoint state for operator (\\w+)");

  private SavepointPath() {}

  /** A path as the user gave it: a file: URI (as Flink prints it) or a path. */
  static Path parse(String arg) {
    Path p = arg.startsWith("file:") ? Path.of(java.net.URI.create(arg)) : Path.of(arg);
    return p.toAbsolutePath().normalize();
  }

  /**
   * The savepoint as Flink takes it (a file: URI of its directory), or a refusal naming the path
   * when there is none there.
   */
  static String check(Path path) {
    Path dir =
        path.getFileName() != null && path.getFileName().toString().equals("_metadata")
            ? path.getParent()
            : path;
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          "--from-savepoint " + path + ": no such file or directory: " + TAKE_ONE);
    }
    if (!Files.isRegularFile(dir.resolve("_metadata"))) {
      throw new IllegalArgumentException(
          "--from-savepoint "
              + path
              + ": not a savepoint (a savepoint is a directory holding _metadata): "
              + TAKE_ONE);
    }
    return dir.toUri().toString();
  }

  /** Why the jobs could not start from {@code path}, from the job's failure, and what to do. */
  static IllegalStateException restoreFailed(Path path, Exception failure, Throwable jobFailure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t : new Throwable[] {failure, jobFailure}) {
      for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
        all.append(c).append('\n');
      }
    }
    String cause = all.toString();
    Matcher unmatched = UNMATCHED.matcher(cause);
    String reason;
    if (unmatched.find()) {
      reason =
          "it holds state of operator "
              + unmatched.group(1)
              + " (Flink's id of a uid) that no operator of these jobs has: an operator was removed"
              + " or its .uid(...) changed. Start without --from-savepoint (the jobs rebuild their"
              + " state from the topics, PANTAU_START_FROM), or give the operator its former uid"
              + " (jobs/README.md, State and savepoints)";
    } else if (cause.contains("StateMigrationException") || cause.contains("incompatible")) {
      reason =
          "its state has a layout these jobs do not read (jobs/README.md, State and savepoints)."
              + " Start without --from-savepoint: the jobs rebuild their state from the topics"
              + " (PANTAU_START_FROM)";
    } else {
      reason =
          "the jobs failed to start from it: " + firstLine(String.valueOf(failure.getMessage()));
    }
    return new IllegalStateException("--from-savepoint " + path + ": " + reason, failure);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl > 0 ? s.substring(0, nl) : s;
  }
}

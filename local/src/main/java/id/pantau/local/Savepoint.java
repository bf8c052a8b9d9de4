package id.pantau.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * `./pantau savepoint [--dir DIR] [--data-dir DIR]`: a savepoint of the running demo's jobs,
 * through the REST API of its MiniCluster (its address is in the demo's data directory), printed as
 * the path `./pantau demo --from-savepoint` takes. The jobs keep running.
 */
public final class Savepoint {
  static final String USAGE = "usage: ./pantau savepoint [--dir DIR] [--data-dir DIR]";

  /** What a savepoint of the city's state may take on a loaded machine. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private Savepoint() {}

  /** Where the savepoints go and whose demo. */
  record Options(Path dir, Path dataDir) {
    static Options parse(String[] args) {
      Path data = DemoOptions.defaultDataDir();
      Path dir = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
          case "--data-dir" -> data = Path.of(value(args, ++i, "--data-dir"));
          default ->
              throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
        }
      }
      data = data.toAbsolutePath().normalize();
      return new Options(
          (dir != null ? dir : data.resolve("savepoints")).toAbsolutePath().normalize(), data);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length)
        throw new IllegalArgumentException(option + ": needs a directory\n" + USAGE);
      return args[i];
    }
  }

  public static void main(String[] args) {
    Options options = CommandLine.optionsOrExit(args, Options::parse);
    try {
      System.out.println(take(options));
    } catch (Exception e) {
      System.err.println("pantau savepoint: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Takes the savepoint; its path. */
  static String take(Options options) throws Exception {
    String url = Demo.flinkUrlOf(options.dataDir());
    FlinkRestClient rest = new FlinkRestClient(url, () -> "");
    List<String> jobs;
    try {
      jobs = rest.runningJobs();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "no demo answers at "
              + url
              + " ("
              + e.getClass().getSimpleName()
              + "): start it with ./pantau demo, or name its --data-dir");
    }
    if (jobs.size() != 1) {
      throw new IllegalStateException(
          url + ": expected the demo's one running job, found " + jobs.size() + " " + jobs);
    }
    Files.createDirectories(options.dir());
    long started = System.nanoTime();
    String location = rest.savepoint(jobs.get(0), options.dir().toUri().toString(), false, TIMEOUT);
    System.err.printf(
        "pantau: savepoint of job %s in %.1f s%n",
        jobs.get(0), (System.nanoTime() - started) / 1e9);
    return location;
  }
}

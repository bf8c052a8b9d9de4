package id.pantau.local;

import java.nio.file.Path;

/**
 * The command line of `./pantau demo`.
 *
 * @param fromSavepoint the savepoint the jobs start from, or null: from their topics
 */
record DemoOptions(boolean simulate, Path dataDir, boolean defaultPorts, Path fromSavepoint) {
  static final String USAGE =
      "usage: ./pantau demo [--no-sim] [--data-dir DIR] [--from-savepoint PATH]";

  DemoOptions(boolean simulate, Path dataDir, boolean defaultPorts) {
    this(simulate, dataDir, defaultPorts, null);
  }

  /** The contract's ports when free (8080, 8081, 9092, 8086), else any; tests take any. */
  int port(int preferred) {
    return defaultPorts
        ? id.pantau.infra.FreePort.preferOr(preferred)
        : id.pantau.infra.FreePort.find();
  }

  /** PANTAU_DATA_DIR, else .pantau/data. */
  static Path defaultDataDir() {
    return Path.of(System.getenv().getOrDefault("PANTAU_DATA_DIR", ".pantau/data"));
  }

  static DemoOptions parse(String[] args) {
    boolean simulate = true;
    Path dataDir = defaultDataDir();
    Path savepoint = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-sim" -> simulate = false;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir", "a directory"));
        case "--from-savepoint" ->
            savepoint =
                SavepointPath.parse(
                    value(args, ++i, "--from-savepoint", "the path ./pantau savepoint printed"));
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
      }
    }
    return new DemoOptions(simulate, dataDir.toAbsolutePath().normalize(), true, savepoint);
  }

  private static String value(String[] args, int i, String option, String what) {
    if (i >= args.length)
      throw new IllegalArgumentException(option + ": needs " + what + "\n" + USAGE);
    return args[i];
  }
}

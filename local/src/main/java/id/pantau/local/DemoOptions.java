package id.pantau.local;

import java.nio.file.Path;

/** The command line of `./pantau demo`. */
record DemoOptions(boolean simulate, Path dataDir, boolean defaultPorts) {
  static final String USAGE = "usage: ./pantau demo [--no-sim] [--data-dir DIR]";

  /** The contract's ports when free (8080, 8081, 9092, 8086), else any; tests take any. */
  int port(int preferred) {
    return defaultPorts
        ? id.pantau.infra.FreePort.preferOr(preferred)
        : id.pantau.infra.FreePort.find();
  }

  static DemoOptions parse(String[] args) {
    boolean simulate = true;
    Path dataDir = Path.of(System.getenv().getOrDefault("PANTAU_DATA_DIR", ".pantau/data"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-sim" -> simulate = false;
        case "--data-dir" -> {
          if (i + 1 >= args.length)
            throw new IllegalArgumentException("--data-dir: needs a directory\n" + USAGE);
          dataDir = Path.of(args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
      }
    }
    return new DemoOptions(simulate, dataDir.toAbsolutePath().normalize(), true);
  }
}

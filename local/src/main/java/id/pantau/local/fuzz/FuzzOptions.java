package id.pantau.local.fuzz;

import java.util.SplittableRandom;

/**
 * The options of {@code ./pantau fuzz}: the seed (a random one unless given, always printed), how
 * many requests, how many at once, and how many failures to print.
 */
public record FuzzOptions(long seed, int requests, int parallelism, int show) {
  public static final int DEFAULT_REQUESTS = 10_000;
  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_SHOW = 10;

  public FuzzOptions {
    if (requests < 1) throw new IllegalArgumentException("--requests: must be at least 1");
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("--parallelism: must be 1 to 256");
    }
    if (show < 0) throw new IllegalArgumentException("--show: must be 0 or more");
  }

  /** The defaults with this seed. */
  public static FuzzOptions seeded(long seed) {
    return new FuzzOptions(seed, DEFAULT_REQUESTS, DEFAULT_PARALLELISM, DEFAULT_SHOW);
  }

  /**
   * Reads {@code [--seed N] [--requests N] [--parallelism N] [--show N]}.
   *
   * @throws IllegalArgumentException naming the option and what it takes
   */
  public static FuzzOptions parse(String... args) {
    long seed = new SplittableRandom().nextLong();
    int requests = DEFAULT_REQUESTS;
    int parallelism = DEFAULT_PARALLELISM;
    int show = DEFAULT_SHOW;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) throw new IllegalArgumentException(usage());
      if (i + 1 >= args.length)
        throw new IllegalArgumentException(a + ": needs a value\n" + usage());
      String v = args[++i];
      switch (a) {
        case "--seed" -> seed = number(a, v);
        case "--requests" -> requests = (int) Math.min(Integer.MAX_VALUE, number(a, v));
        case "--parallelism" -> parallelism = (int) Math.min(Integer.MAX_VALUE, number(a, v));
        case "--show" -> show = (int) Math.min(Integer.MAX_VALUE, number(a, v));
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
      }
    }
    return new FuzzOptions(seed, requests, parallelism, show);
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": must be a whole number (got '" + value + "')");
    }
  }

  static String usage() {
    return "usage: ./pantau fuzz [--seed N] [--requests N (default "
        + DEFAULT_REQUESTS
        + ")] [--parallelism N (default "
        + DEFAULT_PARALLELISM
        + ")] [--show N failures (default "
        + DEFAULT_SHOW
        + ")]";
  }
}

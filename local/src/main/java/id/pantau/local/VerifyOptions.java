package id.pantau.local;

import id.pantau.sim.CityConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** The command line of `./pantau verify`. */
record VerifyOptions(
    CityConfig city, LocalDate date, Path out, int maxListed, int parallelism, Path dataDir) {
  static final String USAGE =
      "usage: ./pantau verify [--seed N] [--units N] [--staff N] [--date YYYY-MM-DD]"
          + " [--out DIR] [--max-diffs N] [--parallelism N]";

  /** Yesterday in WIB: a whole day, within the 30 days the raw measurements keep. */
  static LocalDate defaultDate() {
    return LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1);
  }

  static VerifyOptions parse(String[] args) {
    CityConfig d = CityConfig.defaults().withSize(12, 600);
    long seed = d.seed();
    int units = d.units();
    int staff = d.staff();
    LocalDate date = defaultDate();
    Path out = Path.of("verify-results");
    int max = 20;
    int parallelism = 2;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) throw new IllegalArgumentException(a + ": needs a value\n" + USAGE);
      String v = args[++i];
      try {
        switch (a) {
          case "--seed" -> seed = Long.parseLong(v);
          case "--units" -> units = Integer.parseInt(v);
          case "--staff" -> staff = Integer.parseInt(v);
          case "--date" -> date = LocalDate.parse(v);
          case "--out" -> out = Path.of(v);
          case "--max-diffs" -> max = Integer.parseInt(v);
          case "--parallelism" -> parallelism = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
        }
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException && e.getMessage().startsWith("unknown")) throw e;
        throw new IllegalArgumentException(a + ": " + e.getMessage() + "\n" + USAGE);
      }
    }
    return new VerifyOptions(
        new CityConfig(seed, units, staff, true),
        date,
        out.toAbsolutePath(),
        max,
        parallelism,
        null);
  }

  VerifyOptions withDataDir(Path dir) {
    return new VerifyOptions(city, date, out, maxListed, parallelism, dir);
  }
}

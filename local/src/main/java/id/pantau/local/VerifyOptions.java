package id.pantau.local;

import id.pantau.api.CheckinBook;
import id.pantau.api.DashboardConfig;
import id.pantau.sim.CityConfig;
import id.pantau.sink.Retention;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The command line of `./pantau verify`, checked before anything starts. */
record VerifyOptions(
    CityConfig city, LocalDate date, Path out, int maxListed, int parallelism, Path dataDir) {
  static final String USAGE =
      "usage: ./pantau verify [--seed N] [--units N] [--staff N] [--date YYYY-MM-DD]"
          + " [--out DIR] [--max-diffs N] [--parallelism N]";

  /** The zone whose day ends last (the simulated city's west, WIB). */
  static final ZoneId LAST_TO_END = ZoneId.of("Asia/Jakarta");

  /** The zone whose day begins first (the simulated city's east, WIT). */
  static final ZoneId FIRST_TO_BEGIN = ZoneId.of("Asia/Jayapura");

  /** How long a check may run after it is started: its points must still be kept at its end. */
  static final Duration RUN_MARGIN = Duration.ofHours(1);

  static final int MAX_PARALLELISM = 16;

  /** A command line that cannot work: one line saying why and what to do. */
  static final class Invalid extends IllegalArgumentException {
    /** Whether the usage line helps (an unknown option, a missing value). */
    final boolean showUsage;

    Invalid(String reason, boolean showUsage) {
      super(reason);
      this.showUsage = showUsage;
    }
  }

  /** Yesterday in WIB: the latest day that is over in every zone of the city. */
  static LocalDate defaultDate() {
    return defaultDate(Clock.systemUTC());
  }

  static LocalDate defaultDate(Clock clock) {
    return LocalDate.now(clock.withZone(LAST_TO_END)).minusDays(1);
  }

  /**
   * The oldest date a check can hold whole: InfluxDB drops points older than the retention policy
   * {@code raw} keeps (30 days; the jobs' sink sets it on every start, also on verify's own
   * influxd), so the day must begin, in its easternmost zone, after that horizon as it will be at
   * the end of the run; and the dashboard's follow-ups must reach back to it.
   */
  static LocalDate oldestDate(Clock clock) {
    Instant horizon = clock.instant().minus(rawRetention()).plus(RUN_MARGIN);
    LocalDate d = horizon.atZone(FIRST_TO_BEGIN).toLocalDate();
    if (d.atStartOfDay(FIRST_TO_BEGIN).toInstant().isBefore(horizon)) d = d.plusDays(1);
    // Follow-ups: the book keeps DAYS to keep + 1, as the run may pass midnight.
    LocalDate byFollowUps =
        LocalDate.now(clock.withZone(LAST_TO_END))
            .minusDays(DashboardConfig.MAX_FOLLOWUP_DAYS - 2L);
    return d.isBefore(byFollowUps) ? byFollowUps : d;
  }

  /** How many local dates the dashboard's follow-ups keep in a check of {@code date}. */
  static int followUpDays(LocalDate date, Clock clock) {
    int days = CheckinBook.daysToKeep(date, clock) + 1; // the run may pass midnight
    return Math.min(
        DashboardConfig.MAX_FOLLOWUP_DAYS, Math.max(DashboardConfig.DEFAULT_FOLLOWUP_DAYS, days));
  }

  /** The raw policy's duration ({@link Retention#RAW_DURATION}, an InfluxQL duration). */
  static Duration rawRetention() {
    String d = Retention.RAW_DURATION;
    long n = Long.parseLong(d.substring(0, d.length() - 1));
    return switch (d.charAt(d.length() - 1)) {
      case 'w' -> Duration.ofDays(7 * n);
      case 'd' -> Duration.ofDays(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalStateException("raw retention: unexpected duration " + d);
    };
  }

  static VerifyOptions parse(String[] args) {
    return parse(args, Clock.systemUTC());
  }

  /**
   * @throws Invalid with one line saying what cannot work and what to do
   */
  static VerifyOptions parse(String[] args, Clock clock) {
    CityConfig d = CityConfig.defaults().withSize(12, 600);
    long seed = d.seed();
    int units = d.units();
    int staff = d.staff();
    LocalDate date = defaultDate(clock);
    Path out = Path.of("verify-results");
    int max = 20;
    int parallelism = 2;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || !isOption(a)) {
        throw new Invalid("unknown option '" + a + "'", true);
      }
      if (i + 1 >= args.length) throw new Invalid(a + ": needs a value", true);
      String v = args[++i];
      switch (a) {
        case "--seed" -> seed = number(a, v);
        // The city says which sizes it can build.
        case "--units" -> units = integer(a, v);
        case "--staff" -> staff = integer(a, v);
        case "--date" -> date = date(v);
        case "--out" -> out = path(a, v);
        case "--max-diffs" -> max = (int) number(a, v, 0, Integer.MAX_VALUE);
        case "--parallelism" -> parallelism = (int) number(a, v, 1, MAX_PARALLELISM);
        default -> throw new IllegalStateException(a);
      }
    }
    CityConfig city;
    try {
      city = new CityConfig(seed, units, staff, true);
    } catch (IllegalArgumentException e) {
      throw new Invalid("--" + e.getMessage(), false);
    }
    checkDate(date, clock);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new Invalid("--out " + out + ": is a file, not a directory", false);
    }
    return new VerifyOptions(city, date, out.toAbsolutePath(), max, parallelism, null);
  }

  /** Whether the day can be checked now: over everywhere, and not older than the stack keeps. */
  static void checkDate(LocalDate date, Clock clock) {
    LocalDate latest = defaultDate(clock);
    LocalDate oldest = oldestDate(clock);
    String range = " (verify checks " + oldest + " to " + latest + ")";
    if (date.isAfter(latest)) {
      String now =
          clock
              .instant()
              .atZone(LAST_TO_END)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
      throw new Invalid(
          "--date "
              + date
              + ": that day is not over in every zone yet (it is "
              + now
              + " in WIB); pick a whole past day, e.g. --date "
              + latest
              + range,
          false);
    }
    if (date.isBefore(oldest)) {
      throw new Invalid(
          "--date "
              + date
              + ": too old: InfluxDB keeps the raw measurements "
              + rawRetention().toDays()
              + " days (retention policy "
              + Retention.RAW
              + ", set by the jobs' sink), so the oldest day verify can hold whole is "
              + oldest
              + range,
          false);
    }
  }

  private static boolean isOption(String a) {
    return switch (a) {
      case "--seed", "--units", "--staff", "--date", "--out", "--max-diffs", "--parallelism" ->
          true;
      default -> false;
    };
  }

  private static long number(String option, String v) {
    try {
      return Long.parseLong(v.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new Invalid(option + ": must be a whole number (got '" + v + "')", false);
    }
  }

  private static int integer(String option, String v) {
    long n = number(option, v);
    if (n != (int) n) {
      throw new Invalid(option + ": must be a whole number (got '" + v + "')", false);
    }
    return (int) n;
  }

  private static long number(String option, String v, long min, long max) {
    long n;
    try {
      n = number(option, v);
    } catch (Invalid e) {
      n = Long.MIN_VALUE;
    }
    if (n < min || n > max) {
      String range = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
      throw new Invalid(
          option + ": must be a whole number, " + range + " (got '" + v + "')", false);
    }
    return n;
  }

  private static LocalDate date(String v) {
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeException e) {
      throw new Invalid("--date: must be a date YYYY-MM-DD (got '" + v + "')", false);
    }
  }

  private static Path path(String option, String v) {
    try {
      if (v.isBlank()) throw new InvalidPathException(v, "empty");
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new Invalid(option + ": not a usable path (got '" + v + "')", false);
    }
  }

  VerifyOptions withDataDir(Path dir) {
    return new VerifyOptions(city, date, out, maxListed, parallelism, dir);
  }
}

package id.pantau.local;

import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.truth.GroundTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One simulated day through the whole pipeline — `./pantau verify` on a small city — run once per
 * test JVM and shared by the ITs that read what it left: the check's differences from the ground
 * truth, and the stack (Kafka, influxd, ingest, dashboard-api) kept open until every test has run.
 * A test takes it as a parameter with {@code @ExtendWith(SimulatedDay.Shared.class)}.
 *
 * <p>The day is ten days back, as a user checks one after a change: older than Kafka's default 7
 * days and the dashboard's 3 days of follow-ups, which verify's own stack widens. It is the first
 * seed from the default whose day has every status, both location flags, an OVER_CAP and an
 * UNDER_FLOOR breach, a unit whose attendance compliance is under 90 % (missed check-ins), a zone
 * change at noon, duplicates and malformed records.
 *
 * @param took how long the day took: simulating, starting the stack, sending, the jobs, the
 *     comparison
 */
record SimulatedDay(
    LocalDate date,
    CityConfig city,
    SimDay day,
    GroundTruth truth,
    Differences differences,
    LocalStack stack,
    Duration took,
    Path dir)
    implements AutoCloseable {

  /** Resolves a {@link SimulatedDay} parameter: this JVM's, run at its first use. */
  static final class Shared implements ParameterResolver {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(SimulatedDay.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == SimulatedDay.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      // The root store closes it (AutoCloseable) when the whole test plan has run.
      return c.getRoot()
          .getStore(NS)
          .getOrComputeIfAbsent(SimulatedDay.class, k -> run(), SimulatedDay.class);
    }
  }

  static SimulatedDay run() {
    long started = System.nanoTime();
    LocalDate date = VerifyOptions.defaultDate().minusDays(9);
    VerifyOptions.checkDate(date, Clock.systemUTC());
    CityConfig city = CityConfig.defaults().withSize(6, 150);
    for (int i = 0; i < 100 && !hasEveryFeature(city, date); i++) {
      city = city.withSeed(city.seed() + 1);
    }
    if (!hasEveryFeature(city, date)) {
      throw new IllegalStateException("no seed of 100 makes a day with every feature on " + date);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("pantau-simulated-day");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    VerifyOptions options =
        new VerifyOptions(city, date, dir.resolve("out"), 20, 2, dir.resolve("data"));
    LocalStack stack = new LocalStack(options.dataDir(), p -> id.pantau.infra.FreePort.find());
    try {
      Differences d = new Verify(options, System.err).run(stack);
      SimDay day = SimDay.of(City.of(city), date, Faults.all());
      return new SimulatedDay(
          date,
          city,
          day,
          GroundTruth.of(day),
          d,
          stack,
          Duration.ofNanos(System.nanoTime() - started),
          dir);
    } catch (Exception | Error e) {
      stack.close();
      delete(dir);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Whether the day has each status, both flags, both breaches, duplicates and malformed records.
   */
  static boolean hasEveryFeature(CityConfig config, LocalDate date) {
    SimDay day = SimDay.of(City.of(config), date, Faults.all());
    GroundTruth truth = GroundTruth.of(day);
    Set<String> seen = new HashSet<>();
    truth.followups().values().forEach(f -> seen.addAll(f.windows().values()));
    truth.followups().values().forEach(f -> seen.addAll(f.flags()));
    day.sends().forEach(s -> seen.add(s.kind().name()));
    truth.breaches().forEach(b -> seen.add(b.kind()));
    truth.counts().stream()
        .filter(c -> c.window().equals("ATTENDANCE") && c.expected() > 0 && c.rate() < 0.9)
        .forEach(c -> seen.add("ATTENDANCE_UNDER_90"));
    return seen.containsAll(
            List.of(
                "ON_TIME",
                "LATE",
                "MISSED",
                "LATE_UPLOAD",
                "MOCK_LOCATION",
                "OUT_OF_REGION",
                "DUPLICATE",
                "MALFORMED_LINE",
                "MALFORMED_SINGLE",
                "OVER_CAP",
                "UNDER_FLOOR",
                "ATTENDANCE_UNDER_90"))
        && day.zones().size() > day.city().regions().size(); // a zone change at noon
  }

  @Override
  public void close() {
    stack.close();
    delete(dir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("pantau: could not delete " + dir + ": " + e.getMessage());
    }
  }
}

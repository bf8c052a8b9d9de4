package id.pantau.local.fuzz;

import id.pantau.local.CommandLine;
import id.pantau.local.fuzz.FuzzRequest.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code ./pantau fuzz}: generated requests (bad JSON, wrong types, huge values, invalid UTF-8,
 * deep nesting, oversize bodies, unknown units, duplicated events, times far off, injection in
 * every parameter that reaches InfluxQL, path tricks, bad content types and tokens, every route and
 * method, malformed HTTP) against ingest and dashboard-api on a real Kafka broker and influxd.
 * Every answer must be a 4xx with a JSON reason or a documented 2xx, never a 5xx (but a health
 * endpoint's documented 503 report of what is down, {@link Check#healthReport}) or a broken
 * connection; an event posted several times must be stored once. Exit 1 on any failure.
 */
public final class Fuzz {
  /** Ingest's limits during the run: small, so oversize bodies and batches stay cheap to send. */
  static final long MAX_BODY_BYTES = 256 * 1024;

  static final int MAX_LINES = 1_000;
  static final int TIMEOUT_MS = 30_000;

  private Fuzz() {}

  public static void main(String[] args) {
    if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
      System.out.println(FuzzOptions.usage());
      return;
    }
    FuzzOptions options = CommandLine.optionsOrExit(args, FuzzOptions::parse);
    int code;
    try {
      FuzzResult result = run(options);
      System.out.println(result.report());
      code = result.passed() ? 0 : 1;
    } catch (Exception | LinkageError e) {
      System.err.println("fuzz: could not run: " + e);
      e.printStackTrace();
      code = 2;
    }
    System.exit(code);
  }

  /** Starts the parts in a temporary folder, runs, stops them and removes the folder. */
  public static FuzzResult run(FuzzOptions options) throws Exception {
    Path dir = Files.createTempDirectory("pantau-fuzz-");
    try {
      return run(options, dir);
    } finally {
      delete(dir);
    }
  }

  /** Runs with the parts' data in {@code dir}. */
  public static FuzzResult run(FuzzOptions options, Path dir) throws Exception {
    System.out.println("fuzz: seed " + options.seed() + " (again: --seed " + options.seed() + ")");
    Callers callers = new Callers();
    ExecutorService writers = Executors.newCachedThreadPool(daemon());
    try (FuzzStack stack = FuzzStack.start(dir, callers, MAX_BODY_BYTES, MAX_LINES)) {
      Map<Service, RawHttp> clients = new EnumMap<>(Service.class);
      clients.put(
          Service.INGEST, new RawHttp("127.0.0.1", stack.ingest.port(), TIMEOUT_MS, writers));
      clients.put(
          Service.DASHBOARD, new RawHttp("127.0.0.1", stack.dashboard.port(), TIMEOUT_MS, writers));
      Generator generator = new Generator(options.seed(), callers, MAX_BODY_BYTES, MAX_LINES);
      long started = System.nanoTime();
      Runner.Seen seen =
          new Runner(generator, clients, Clock.systemUTC(), options.requests())
              .run(options.parallelism());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Map<String, Integer> stored =
          Ledger.count(stack.kafka.bootstrapServers(), generator.idPrefix());
      List<String> problems = ledgerProblems(stored, seen);
      return new FuzzResult(
          options,
          seen.requests(),
          took,
          seen.statuses(),
          seen.millisByKind(),
          seen.failed(),
          seen.failures(),
          seen.acceptedDuplicates().size(),
          stored.size(),
          problems);
    } finally {
      writers.shutdownNow();
    }
  }

  /**
   * Every stored event ID once; every duplicated event that ingest accepted stored exactly once.
   */
  static List<String> ledgerProblems(Map<String, Integer> stored, Runner.Seen seen) {
    List<String> problems = new ArrayList<>();
    stored.forEach(
        (key, n) -> {
          if (n > 1) problems.add("stored " + n + " times: " + key);
        });
    for (String id : seen.acceptedDuplicates()) {
      long topics = stored.keySet().stream().filter(k -> k.endsWith(" " + id)).count();
      if (topics == 0) problems.add("accepted but never stored: " + id);
      if (topics > 1) problems.add("stored on " + topics + " topics: " + id);
    }
    problems.sort(Comparator.naturalOrder());
    return problems;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fuzz-writer");
      t.setDaemon(true);
      return t;
    };
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}

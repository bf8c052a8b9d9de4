package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.infra.FreePort;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import id.pantau.sim.City;
import id.pantau.sim.DaySender;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.SteppedClock;
import id.pantau.sim.truth.GroundTruth;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * `./pantau verify`: the correctness check. Simulates a day (all faults on), writes its ground
 * truth, sends it through ingest's HTTP API on the simulated clock into a real Kafka, runs all the
 * jobs over it on a Flink MiniCluster into a real influxd, then compares InfluxDB and the dashboard
 * API with the ground truth: exact for counts and statuses. Prints progress, a summary table and
 * the first differences; exits 1 when anything differs.
 *
 * <p>Why a simulated clock and a bounded replay: compliance decides LATE_UPLOAD by ingest's receipt
 * time, and live watermarks follow the wall clock when idle, so a day replayed on real clocks would
 * be judged late everywhere. Here ingest stamps receipts from the simulated clock the sender moves,
 * and the jobs read the whole day bounded (watermarks from event time alone); every decision is
 * then a function of event time and receipt time only, the same as the live pipeline's, whatever
 * the order in which partitions are read.
 */
public final class Verify {
  private final VerifyOptions options;
  private final PrintStream log;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The wall clock: which dates are past, how long the dashboard keeps follow-ups. */
  private final Clock clock;

  /** The port each server of the stack takes for its preferred one (any free one by default). */
  private final IntUnaryOperator ports;

  /** Where the jobs replay the day. */
  private final Jobs jobs;

  /** What the check is doing, for the line a failure ends with. */
  private volatile String doing;

  /**
   * Runs every job over the day sent, bounded, and returns once they finished: verify's own on a
   * Flink MiniCluster in this JVM ({@link #MINI_CLUSTER}), or the jobs jar on a real cluster
   * (FlinkClusterIT).
   */
  interface Jobs {
    /** Where the jobs run, for the progress line. */
    String where();

    /** The settings the jobs must run with: this stack's Kafka and InfluxDB, bounded, earliest. */
    void replay(JobsConfig cfg) throws Exception;
  }

  /** The jobs on a Flink MiniCluster in this JVM, built from the class path. */
  static final Jobs MINI_CLUSTER =
      new Jobs() {
        @Override
        public String where() {
          return "Flink MiniCluster";
        }

        @Override
        public void replay(JobsConfig cfg) throws Exception {
          StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
          PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
          env.execute("pantau-verify");
        }
      };

  Verify(VerifyOptions options, PrintStream log) {
    this(options, log, Clock.systemUTC());
  }

  Verify(VerifyOptions options, PrintStream log, Clock clock) {
    this(options, log, clock, p -> FreePort.find(), MINI_CLUSTER);
  }

  Verify(VerifyOptions options, PrintStream log, Clock clock, IntUnaryOperator ports, Jobs jobs) {
    this.options = options;
    this.log = log;
    this.clock = clock;
    this.ports = ports;
    this.jobs = jobs;
  }

  /** Exit codes: the pipeline matched, it differed, the command line cannot work, it failed. */
  static final int PASS = 0, DIFFERENCES = 1, USAGE = 2, ERROR = 3;

  public static void main(String[] args) {
    System.exit(run(args, System.err, Clock.systemUTC()));
  }

  /**
   * The whole command: options checked before anything starts, then the check. Every failure ends
   * with one line {@code pantau verify: <reason>}; a stack trace goes to {@code <out>/error.txt}.
   */
  static int run(String[] args, PrintStream log, Clock clock) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      log.println(VerifyOptions.USAGE);
      return PASS;
    }
    VerifyOptions options;
    try {
      options = VerifyOptions.parse(args, clock);
    } catch (VerifyOptions.Invalid e) {
      if (e.showUsage) log.println(VerifyOptions.USAGE);
      log.println("pantau verify: " + e.getMessage());
      return USAGE;
    }
    Verify verify = null;
    try {
      Path data = Files.createTempDirectory("pantau-verify");
      verify = new Verify(options.withDataDir(data), log, clock);
      Differences d = verify.run();
      return d.none() ? PASS : DIFFERENCES;
    } catch (Throwable t) {
      String trace = options.out().resolve("error.txt").toString();
      try {
        Files.createDirectories(options.out());
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        Files.writeString(options.out().resolve("error.txt"), w.toString());
      } catch (Exception | LinkageError e) {
        trace = null;
      }
      String doing = verify == null || verify.doing == null ? "" : verify.doing + ": ";
      log.println(
          "pantau verify: "
              + doing
              + reason(t)
              + (trace == null ? "" : " (stack trace in " + trace + ")"));
      return ERROR;
    }
  }

  /** The messages of a cause chain in one line, outermost first, each once, joined by ': '. */
  static String reason(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String last = null;
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      String m = c.getMessage();
      String type = c.getClass().getSimpleName();
      if (m == null || m.isBlank()) m = type;
      else if (!GENERIC.contains(type)) m = type + ": " + m.strip();
      m = m.strip();
      int nl = m.indexOf('\n');
      if (nl > 0) m = m.substring(0, nl).strip();
      if (m.length() > 300) m = m.substring(0, 300) + "…";
      if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
      boolean wrapper = c.getCause() != null && isWrapper(c);
      if (wrapper || last != null && last.contains(m)) continue;
      if (sb.length() > 0) sb.append(": ");
      sb.append(m);
      last = m;
    }
    return sb.toString();
  }

  /** Exception types whose name adds nothing to their message. */
  private static final Set<String> GENERIC =
      Set.of(
          "IllegalStateException",
          "IllegalArgumentException",
          "RuntimeException",
          "Exception",
          "IOException",
          "UncheckedIOException",
          "ExecutionException",
          "CompletionException");

  /** Flink's and the JDK's wrappers that only restate what follows. */
  private static boolean isWrapper(Throwable c) {
    String m = String.valueOf(c.getMessage());
    return m.equals(String.valueOf(c.getCause()))
        || m.startsWith("Recovery is suppressed by")
        || m.startsWith("org.apache.flink.runtime.JobException");
  }

  /** Runs the check; the differences found (none when the pipeline matched the ground truth). */
  Differences run() throws Exception {
    return run(null);
  }

  /**
   * Runs the check on {@code kept}, a stack not started yet that the caller closes (so a test can
   * read what the day left in it), or on a stack of its own when null.
   */
  Differences run(LocalStack kept) throws Exception {
    long started = System.nanoTime();
    doing = "simulating " + options.date();
    City city = City.of(options.city());
    SimDay day = SimDay.of(city, options.date(), Faults.all());
    GroundTruth truth = GroundTruth.of(day);
    truth.writeTo(options.out().resolve("truth"));
    say(
        String.format(
            Locale.ROOT,
            "simulated %s: seed %d, %d units, %,d staff, %,d events, %,d records to send;"
                + " ground truth in %s",
            day.date(),
            city.seed(),
            city.units().size(),
            city.staffCount(),
            day.accepted().size(),
            day.sends().size(),
            options.out().resolve("truth")));

    Differences diffs = new Differences(options.maxListed());
    LocalStack stack = kept != null ? kept : new LocalStack(options.dataDir(), ports);
    try (AutoCloseable closes = kept != null ? () -> {} : stack) {
      step("starting Kafka and influxd");
      stack.startKafka();
      // The jobs stamp alerts and check-ins with event time: a past day's must not expire.
      stack.keepRecordsOfAnyTime();
      stack.startInflux();
      stack.tokens(city.units().get(0).unitId());
      SteppedClock simulated = new SteppedClock(day.referenceAt());
      stack.startIngest(simulated);
      // The follow-ups of the checked date, however old, stay in the dashboard's book.
      stack.startDashboard(VerifyOptions.followUpDays(day.date(), clock));
      String token = stack.tokens.token("bkd-admin");

      step("sending the day through ingest on the simulated clock");
      DaySender.Result sent =
          new DaySender(URI.create(stack.ingestUrl), token, simulated::set, 0, log::println)
              .send(day);
      say(sent.line());
      diffs.check(
          "ingest: malformed records refused",
          "malformed",
          sent.malformedSent(),
          sent.malformedRefused());
      for (String p : sent.problems()) diffs.add("ingest: problems", p);
      step(
          "writing records that are not JSON, and check-ins and a roster of a unit nobody"
              + " registered, straight to Kafka, as another producer could");
      ForeignRecords foreign = ForeignRecords.write(stack.kafkaBootstrap, day.date());

      step("running all jobs over the day (" + jobs.where() + ", bounded replay)");
      JobsConfig cfg =
          JobsConfig.defaults()
              .withKafka(stack.kafkaBootstrap)
              .withInflux(stack.influxUrl)
              .withStartFrom("earliest")
              .withParallelism(options.parallelism())
              .withCheckpointDir(options.dataDir().resolve("checkpoints").toUri().toString())
              .asBounded();
      long jobStart = System.nanoTime();
      jobs.replay(cfg);
      say(
          String.format(
              Locale.ROOT, "jobs finished in %.1f s", (System.nanoTime() - jobStart) / 1e9));

      step("comparing InfluxDB and the dashboard API with the ground truth");
      new TruthCheck(truth, diffs, stack.influxUrl, stack.apiUrl, stack.kafkaBootstrap, token, http)
          .all(foreign);
    }
    String report = diffs.report();
    Files.createDirectories(options.out());
    Files.writeString(options.out().resolve("differences.txt"), report);
    log.println();
    log.print(report);
    log.printf(
        Locale.ROOT,
        "%nverify: %s — %,d difference(s) in %.0f s (report in %s)%n",
        diffs.none() ? "PASS" : "FAIL",
        diffs.total(),
        (System.nanoTime() - started) / 1e9,
        options.out().resolve("differences.txt"));
    return diffs;
  }

  /** Starts a step: said, and named by a failure during it. */
  private void step(String what) {
    say(what);
    doing = what;
  }

  private void say(String what) {
    log.println("verify: " + what);
  }

  /** GET a JSON answer, waiting while the service answers 503 (still loading). */
  static JsonNode getJson(HttpClient http, String url, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
      if (token != null) b.header("Authorization", "Bearer " + token);
      HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) return Json.MAPPER.readTree(r.body());
      if (r.statusCode() != 503 || System.nanoTime() > deadline) {
        throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
      }
      Thread.sleep(250);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

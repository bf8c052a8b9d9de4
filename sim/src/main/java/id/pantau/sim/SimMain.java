package id.pantau.sim;

import id.pantau.events.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated city on its own:
 *
 * <pre>
 *   run   [--ingest URL] [--token T]   play the city on the wall clock against ingest
 *   plan  [--date YYYY-MM-DD]          print a day's events as NDJSON (default: today in WIB)
 *   units                              print the units as NDJSON (bodies of PUT /v1/units/{id})
 *   common: [--seed N] [--units N] [--staff N]
 * </pre>
 *
 * Options fall back to PANTAU_INGEST_URL, PANTAU_SIM_TOKEN, PANTAU_SIM_SEED, PANTAU_SIM_UNITS,
 * PANTAU_SIM_STAFF and PANTAU_SIM_WORK_WEEKENDS.
 */
public final class SimMain {
  private SimMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      usage(out);
      return 0;
    }
    String command = args[0];
    Map<String, String> opts = new HashMap<>(env);
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        err.println("sim: unexpected argument '" + a + "'");
        usage(err);
        return 2;
      }
      String value = args[++i];
      switch (a) {
        case "--seed" -> opts.put("PANTAU_SIM_SEED", value);
        case "--units" -> opts.put("PANTAU_SIM_UNITS", value);
        case "--staff" -> opts.put("PANTAU_SIM_STAFF", value);
        case "--ingest" -> opts.put("PANTAU_INGEST_URL", value);
        case "--token" -> opts.put("PANTAU_SIM_TOKEN", value);
        case "--date" -> opts.put("date", value);
        case "--out" -> opts.put("out", value);
        case "--compress" -> opts.put("compress", value);
        default -> {
          err.println("sim: unknown option " + a);
          usage(err);
          return 2;
        }
      }
    }
    City city;
    try {
      city = City.of(CityConfig.fromEnv(opts));
    } catch (IllegalArgumentException e) {
      err.println("sim: " + e.getMessage());
      return 2;
    }
    switch (command) {
      case "units" -> {
        try (Writer w = writer(out)) {
          for (CityUnit u : city.units()) w.write(Json.text(u.toUnit()) + "\n");
        }
        return 0;
      }
      case "plan" -> {
        LocalDate date =
            opts.containsKey("date")
                ? LocalDate.parse(opts.get("date"))
                : LocalDate.now(ZoneId.of("Asia/Jakarta"));
        try (Writer w = writer(out)) {
          for (Planned p : CityDay.of(city, date).events()) w.write(p.json() + "\n");
        }
        return 0;
      }
      case "truth" -> {
        SimDay day = SimDay.of(city, date(opts), Faults.all());
        java.nio.file.Path dir =
            java.nio.file.Path.of(opts.getOrDefault("out", "truth-" + day.date()));
        id.pantau.sim.truth.GroundTruth.of(day).writeTo(dir);
        err.printf(
            "sim: ground truth of %s (seed %d, %d units, %,d staff) written to %s%n",
            day.date(), city.seed(), city.units().size(), city.staffCount(), dir);
        return 0;
      }
      case "send" -> {
        // Against a remote ingest on its own clock: receipt times, and so the late uploads, are
        // ingest's own; `./pantau verify` runs the stack on the simulated clock instead.
        SimDay day = SimDay.of(city, date(opts), Faults.all());
        URI ingest = URI.create(opts.getOrDefault("PANTAU_INGEST_URL", "http://127.0.0.1:8081"));
        double compress = Double.parseDouble(opts.getOrDefault("compress", "1440"));
        DaySender.Result r =
            new DaySender(ingest, opts.get("PANTAU_SIM_TOKEN"), t -> {}, compress, err::println)
                .send(day);
        err.println("sim: " + r.line());
        r.problems().stream().limit(20).forEach(p -> err.println("sim: " + p));
        return r.ok() ? 0 : 1;
      }
      case "run" -> {
        URI ingest = URI.create(opts.getOrDefault("PANTAU_INGEST_URL", "http://127.0.0.1:8081"));
        LiveSimulator sim =
            new LiveSimulator(city, ingest, opts.get("PANTAU_SIM_TOKEN"), Clock.systemUTC());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      sim.close();
                      stop.countDown();
                    }));
        err.printf(
            "sim: %d units, %,d staff (seed %d) → %s%n",
            city.units().size(), city.staffCount(), city.seed(), ingest);
        sim.start();
        while (!stop.await(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
          err.println(sim.stats().line());
        }
        return 0;
      }
      default -> {
        err.println("sim: unknown command " + command);
        usage(err);
        return 2;
      }
    }
  }

  private static LocalDate date(Map<String, String> opts) {
    return opts.containsKey("date")
        ? LocalDate.parse(opts.get("date"))
        : LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1);
  }

  private static Writer writer(PrintStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      @Override
      public void close() throws IOException {
        flush(); // leave the stream itself open
      }
    };
  }

  private static void usage(PrintStream s) {
    s.println(
        """
        usage: sim COMMAND [options]
          run   [--ingest URL] [--token T]   play the city on the wall clock against ingest
          plan  [--date YYYY-MM-DD]          print a day's events as NDJSON (default: today, WIB)
          units                              print the units as NDJSON
          truth [--date D] [--out DIR]       write a day's ground truth as CSV files (default
                                             yesterday, WIB; DIR truth-<date>)
          send  [--date D] [--ingest URL] [--compress X]
                                             send a day with all faults to ingest, X simulated
                                             seconds per second (1440: the day in a minute; 0: at
                                             once)
          common options: [--seed N] [--units N] [--staff N]
          environment: PANTAU_INGEST_URL, PANTAU_SIM_TOKEN, PANTAU_SIM_SEED, PANTAU_SIM_UNITS,
                       PANTAU_SIM_STAFF, PANTAU_SIM_WORK_WEEKENDS""");
  }
}

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
          for (Planned p : DayPlan.of(city, date).events()) w.write(p.json() + "\n");
        }
        return 0;
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
          common options: [--seed N] [--units N] [--staff N]
          environment: PANTAU_INGEST_URL, PANTAU_SIM_TOKEN, PANTAU_SIM_SEED, PANTAU_SIM_UNITS,
                       PANTAU_SIM_STAFF, PANTAU_SIM_WORK_WEEKENDS""");
  }
}

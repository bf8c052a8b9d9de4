package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * All the jobs replaying a slice of the day with 1 % poison records (bytes that are not an event,
 * written straight to the event topics beside every hundredth event, as a producer other than
 * ingest could) against the same slice clean: every poison record a dead letter, the job neither
 * failing nor restarting (it runs without a restart strategy), and its rate within 10 % of the
 * clean one. Each slice on a broker of its own, the replays alternated, each run twice and the
 * faster kept; InfluxDB's write cap is off for them. About 10 minutes on a quiet 2-core machine,
 * most of it the minute points each replay writes after its last event.
 */
final class BenchPoison {
  static final int SLICE = 100_000;
  static final int POISON_EVERY = 100;

  private BenchPoison() {}

  static void measure(BenchRig rig) throws Exception {
    BenchOptions o = rig.options();
    BenchReport report = rig.report();
    int n = Math.min(o.events(), SLICE);
    int poison = n / POISON_EVERY;
    System.err.printf(
        Locale.ROOT, "bench: a slice of %,d events replayed clean and with 1 %% poison …%n", n);
    try (KafkaBroker clean = KafkaBroker.start(rig.dir().resolve("kafka-slice-clean"));
        KafkaBroker poisoned = KafkaBroker.start(rig.dir().resolve("kafka-slice-poison"))) {
      clean.createPantauTopics(o.parallelism());
      poisoned.createPantauTopics(o.parallelism());
      rig.data().load(clean.bootstrapServers(), n, 0);
      rig.data().load(poisoned.bootstrapServers(), n, POISON_EVERY);
      // Alternated and the faster of each kept: a shared machine's load drifts over a minute.
      double cleanRate = 0, poisonRate = 0;
      long deadLetters = 0;
      for (int run = 1; run <= 2; run++) {
        cleanRate =
            Math.max(cleanRate, replay(clean, rig.influx(), o, rig.dir(), n, "clean_" + run));
        String db = "poison_" + run;
        double rate = replay(poisoned, rig.influx(), o, rig.dir(), n, db);
        if (rate > poisonRate) {
          poisonRate = rate;
          deadLetters = deadLetters(rig.client(), "slice_" + db);
        }
      }
      double slowdown = 100 * (cleanRate / poisonRate - 1);
      rig.report()
          .row(
              "Replay of a slice: all jobs, clean",
              cleanRate,
              "events/s",
              String.format(
                  Locale.ROOT,
                  "%,d events, the faster of two runs; from the first event read to the last",
                  n));
      rig.report()
          .target(
              "Replay of a slice: all jobs, 1 % poison records",
              poisonRate,
              "events/s",
              String.format(
                  Locale.ROOT,
                  "%,d events and %,d poison records, %,d dead-lettered (json-decoder), no restart",
                  n,
                  poison,
                  deadLetters),
              deadLetters == poison);
      rig.report()
          .target(
              "Replay: slowdown by 1 % poison records",
              slowdown,
              "%",
              "clean ÷ poisoned rate − 1, runs alternated (target ≤ 10 %)",
              slowdown <= 10);
    }
  }

  /**
   * One replay of the slice on {@code kafka} without a restart strategy: its events per second
   * while it reads them (the minute points after the slice's last event, the same in both, left
   * out).
   */
  private static double replay(
      KafkaBroker kafka, InfluxServer influx, BenchOptions o, Path dir, int n, String name)
      throws Exception {
    // Without InfluxDB's write cap: the slice's day still ends in 722,000 minute points, and the
    // cap would hold both replays to its pace, hiding what the poison records cost the jobs.
    JobsConfig cfg =
        o.jobsConfig(
            kafka,
            influx,
            "slice_" + name,
            "pantau-slice-" + name,
            "earliest",
            dir,
            true,
            Map.of("PANTAU_INFLUX_MAX_POINTS_PER_S", "0"));
    Configuration noRestarts = new Configuration();
    noRestarts.setString("restart-strategy.type", "none");
    return BenchReplay.measure(
            "slice " + name,
            n,
            env -> {
              env.configure(noRestarts);
              PantauJobs.build(env, BenchSources.of(cfg), JobSinks.real(cfg), cfg);
            },
            null)
        .readRate();
  }

  /** The records the decoders refused, as the jobs counted them in `deadletter`. */
  private static long deadLetters(InfluxDB client, String db) {
    QueryResult r =
        client.query(
            new Query("SELECT sum(\"count\") FROM deadletter WHERE stage = 'json-decoder'", db));
    var series = r.getResults().get(0).getSeries();
    if (series == null) return 0;
    return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }
}

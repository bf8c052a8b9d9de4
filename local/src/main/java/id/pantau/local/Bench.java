package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;

/**
 * `./pantau bench`: figures beside their baselines measured in the same run, on real Kafka, influxd
 * and a Flink MiniCluster, printed as a table and written to a file.
 */
public final class Bench {
  private final List<String[]> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int events = 10_000_000;
    Path out = Path.of("bench-results.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: ./pantau bench [--events N] [--out FILE]");
          System.exit(2);
        }
      }
    }
    new Bench().run(events, out);
    System.exit(0);
  }

  void run(int events, Path out) throws Exception {
    Path dir = Files.createTempDirectory("pantau-bench");
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
        InfluxServer influx = InfluxServer.start(dir.resolve("influx"))) {
      kafka.createPantauTopics(2);
      influx.createDatabase("pantau");
      BenchData data = new BenchData(100_000);
      System.err.printf("bench: loading %,d events into Kafka …%n", events);
      double load = data.load(kafka.bootstrapServers(), events);
      row("Kafka producer, acks=1 (loading)", events / load, "events/s", "243k–493k (STACK.md)");

      JobsConfig cfg =
          JobsConfig.defaults()
              .withKafka(kafka.bootstrapServers())
              .withInflux(influx.url())
              .withStartFrom("earliest")
              .asBounded();

      System.err.println("bench: baseline job (parse → keyBy unit → count → discard) …");
      double baseline = timed(env -> BaselineJob.build(env, cfg), events, "baseline");
      System.err.println("bench: all Pantau jobs …");
      double full =
          timed(
              env -> PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg),
              events,
              "pantau");
      row("Replay: bare baseline (same run)", baseline, "events/s", "252k–293k at p=1 (STACK.md)");
      row(
          "Replay: all Pantau jobs",
          full,
          "events/s",
          String.format(Locale.ROOT, "%.2f × baseline (target ≥ 0.8, ≥ 250k/s)", full / baseline));

      try (InfluxDB client = InfluxDBFactory.connect(influx.url())) {
        long points = count(client, "SELECT count(present) FROM occupancy");
        long series =
            client
                .query(new Query("SHOW SERIES", "pantau"))
                .getResults()
                .get(0)
                .getSeries()
                .get(0)
                .getValues()
                .size();
        row(
            "InfluxDB points written by the replay",
            points,
            "points",
            "for " + BenchData.UNITS + " units over one day");
        row(
            "InfluxDB series",
            series,
            "series",
            String.format(
                Locale.ROOT, "%.2f per unit (target ≤ 20)", series / (double) BenchData.UNITS));
      }

      IngestLoad.measure(kafka, Math.min(events, 500_000), this::row);
    }
    report(out);
  }

  interface Pipeline {
    void build(StreamExecutionEnvironment env) throws Exception;
  }

  private static double timed(Pipeline p, int events, String name) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    p.build(env);
    long start = System.nanoTime();
    env.execute(name);
    return events / ((System.nanoTime() - start) / 1e9);
  }

  private static long count(InfluxDB client, String q) {
    var series = client.query(new Query(q, "pantau")).getResults().get(0).getSeries();
    return series == null ? 0 : ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }

  private void row(String what, double value, String unit, String beside) {
    rows.add(new String[] {what, String.format(Locale.ROOT, "%,.0f", value), unit, beside});
    System.err.printf(
        "bench: %-46s %14s %-10s %s%n", what, rows.get(rows.size() - 1)[1], unit, beside);
  }

  private void report(Path out) throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append("# Pantau benchmark — ").append(Instant.now()).append('\n');
    sb.append("\nMachine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", everything co-located.\n\n");
    sb.append("| what | figure | unit | beside |\n| --- | ---: | --- | --- |\n");
    for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    Files.writeString(out, sb.toString());
    System.out.print(sb);
    System.err.println("bench: written to " + out.toAbsolutePath());
  }
}

package id.pantau.local;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.events.Topics;
import id.pantau.infra.KafkaBroker;
import id.pantau.ingest.Ingest;
import id.pantau.ingest.IngestConfig;
import id.pantau.ingest.KafkaEventPublisher;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The benchmark's ingest section: HTTP load on a running ingest (with a device token, acks=all),
 * NDJSON batches and single-event requests, beside Kafka's own producer with ingest's producer
 * settings and beside the same load client on a route that does no work (the ceiling of the client
 * and the HTTP stack together on this machine), all in the same run.
 */
final class IngestLoad {
  /** Where figures go: Bench's table. */
  interface Rows {
    void row(String what, double value, String unit, String beside);
  }

  static final int BATCH = 5_000;
  static final int BATCH_CONNECTIONS = 4;
  static final int SINGLE_CONNECTIONS = 256;
  static final double SINGLE_SECONDS = 15;
  static final double ROUND_SECONDS = 4;
  // The JIT took 20–40 s of load to reach a steady rate on this 2-core machine shared with builds.
  static final double MIN_WARM_UP_SECONDS = 20;
  static final double MAX_WARM_UP_SECONDS = 60;
  // Each run's event IDs differ from every other run's, so ingest's dedup never skips one.
  static final AtomicInteger RUNS = new AtomicInteger();
  private static final String TOKEN = "pt_bench_device_token";

  /** Why an answer other than 202 spoils a run. */
  static final String NOT_INGESTS = "; the figures would not be ingest's";

  // Yesterday in WIB: its events (06:00–18:00) lie within the times ingest accepts.
  static final long DAY_START =
      LocalDate.now(ZoneOffset.ofHours(7))
          .minusDays(1)
          .atStartOfDay(ZoneOffset.ofHours(7))
          .toInstant()
          .toEpochMilli();

  private IngestLoad() {}

  /**
   * Runs the whole section against the broker; `events` events go through the producer alone and
   * through NDJSON batches. Each figure comes with the CPU time it took per event or request, of
   * ingest (this process without the load client's thread), of the broker and of the client: on a
   * machine shared with other work, CPU per request says more than requests per second.
   */
  static void measure(KafkaBroker kafka, int events, Rows rows) throws Exception {
    String bootstrap = kafka.bootstrapServers();
    long broker = kafka.pid();
    System.err.printf("bench: Kafka producer alone, %,d events, acks=all …%n", events);
    producerAlone(bootstrap, events / 5); // warm-up
    Cpu before = Cpu.now(broker);
    double producer = producerAlone(bootstrap, events);
    Cpu cpu = Cpu.now(broker).minus(before);
    rows.row(
        "Kafka producer alone, acks=all (same run)",
        producer,
        "events/s",
        "ingest's producer settings; CPU per event: " + cpu.perProducer(events));

    Javalin floor = emptyRoute("/v1/events", 202);
    try {
      System.err.println("bench: the load client on a route that does nothing …");
      warmUp(() -> singles(floor.port(), ROUND_SECONDS).perSecond(), "requests/s");
      before = Cpu.now(broker);
      LoadClient.Result r = singles(floor.port(), SINGLE_SECONDS / 2);
      cpu = Cpu.now(broker).minus(before);
      rows.row(
          "HTTP floor: the load client on an empty Javalin route",
          r.perSecond(),
          "requests/s",
          String.format(
              Locale.ROOT,
              "ceiling of client + HTTP here; %d connections, %s; CPU per request: %s",
              SINGLE_CONNECTIONS,
              r.latencies(),
              cpu.per(r.expected(), "server")));
    } finally {
      floor.stop();
    }

    IngestConfig config =
        IngestConfig.builder()
            .kafkaBootstrap(bootstrap)
            .host("127.0.0.1")
            .port(0)
            .rateLimits(SignedLoad.UNREACHED) // the buckets are taken from, never empty
            .build();
    Principal device = new Principal("bench-device", Role.DEVICE, Set.of(), Set.of());
    Principal admin = new Principal("bench-admin", Role.BKD_ADMIN, Set.of(), Set.of());
    try (Ingest ingest =
        Ingest.start(
            config,
            TokenStore.of(
                Map.of(
                    TokenStore.sha256(TOKEN),
                    device,
                    TokenStore.sha256(SignedLoad.ADMIN),
                    admin)))) {
      int port = URI.create(ingest.url()).getPort();
      System.err.println("bench: ingest warm-up …");
      warmUp(() -> batches(port, Long.MAX_VALUE, ROUND_SECONDS).perSecond() * BATCH, "events/s");
      warmUp(() -> singles(port, ROUND_SECONDS).perSecond(), "requests/s");

      System.err.printf("bench: ingest, %,d events in NDJSON batches of %,d …%n", events, BATCH);
      before = Cpu.now(broker);
      LoadClient.Result b = batches(port, events, 3600);
      cpu = Cpu.now(broker).minus(before);
      rows.row(
          "Ingest over HTTP, NDJSON batches (acks=all)",
          b.perSecond() * BATCH,
          "events/s",
          String.format(
              Locale.ROOT,
              "%.2f × producer; target ≥ 100k/s; batches of %,d on %d connections, %s;"
                  + " CPU per event: %s",
              b.perSecond() * BATCH / producer,
              BATCH,
              BATCH_CONNECTIONS,
              b.latencies(),
              cpu.per(b.expected() * (double) BATCH, "ingest")));

      System.err.printf("bench: ingest, single-event requests for %.0f s …%n", SINGLE_SECONDS);
      before = Cpu.now(broker);
      LoadClient.Result s = singles(port, SINGLE_SECONDS);
      cpu = Cpu.now(broker).minus(before);
      rows.row(
          "Ingest over HTTP, single events (acks=all)",
          s.perSecond(),
          "requests/s",
          String.format(
              Locale.ROOT,
              "target ≥ 10k/s; %d connections, %s; CPU per request: %s",
              SINGLE_CONNECTIONS,
              s.latencies(),
              cpu.per(s.expected(), "ingest")));

      SignedLoad signed = SignedLoad.register(ingest.url());
      System.err.printf("bench: ingest, signed single events for %.0f s …%n", SINGLE_SECONDS);
      signed.singles(port, ROUND_SECONDS); // the HMAC path compiled
      before = Cpu.now(broker);
      LoadClient.Result d = signed.singles(port, SINGLE_SECONDS);
      cpu = Cpu.now(broker).minus(before);
      rows.row(
          "Ingest over HTTP, single events signed by their devices (acks=all)",
          d.perSecond(),
          "requests/s",
          String.format(
              Locale.ROOT,
              "%.2f × with a token; HMAC-SHA256 over timestamp:body, each unit's kiosk; %d"
                  + " connections, %s; CPU per request: %s",
              d.perSecond() / s.perSecond(),
              SINGLE_CONNECTIONS,
              d.latencies(),
              cpu.per(d.expected(), "ingest")));
    }
  }

  interface Round {
    double rate() throws Exception;
  }

  /**
   * A started Javalin on a free loopback port whose one route (GET and POST) answers {@code status}
   * with {@code {}} and does nothing else: the ceiling of the load client and the HTTP stack here.
   */
  static Javalin emptyRoute(String path, int status) {
    return Javalin.create(
            c -> {
              c.jetty.host = "127.0.0.1";
              c.jetty.port = 0;
              c.startup.showJavalinBanner = false;
              c.routes.post(
                  path, ctx -> ctx.status(status).contentType("application/json").result("{}"));
              c.routes.get(
                  path, ctx -> ctx.status(status).contentType("application/json").result("{}"));
            })
        .start();
  }

  private static void warmUp(Round round, String unit) throws Exception {
    warmUp(round, unit, MIN_WARM_UP_SECONDS, MAX_WARM_UP_SECONDS);
  }

  /**
   * Repeats a short round of load until its rate stops rising (two rounds in a row not 5% above the
   * best so far, after minSeconds) or for maxSeconds: until then the JIT is still compiling and the
   * figures would be of the warm-up, not of the service.
   */
  static void warmUp(Round round, String unit, double minSeconds, double maxSeconds)
      throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (maxSeconds * 1e9);
    long min = start + (long) (minSeconds * 1e9);
    double best = 0;
    int flat = 0;
    StringBuilder rates = new StringBuilder();
    while (System.nanoTime() < end && (System.nanoTime() < min || flat < 2)) {
      double rate = round.rate();
      rates.append(String.format(Locale.ROOT, " %,.0f", rate));
      flat = rate > best * 1.05 ? 0 : flat + 1;
      best = Math.max(best, rate);
    }
    System.err.printf("bench: warm-up rounds (%s):%s%n", unit, rates);
  }

  /**
   * CPU time used so far: this process without the calling thread (the load client runs on it), the
   * broker's process, and the calling thread.
   */
  private record Cpu(long serverNanos, long brokerNanos, long clientNanos) {
    static Cpu now(long brokerPid) {
      long client = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long process = cpuNanos(ProcessHandle.current());
      long broker = ProcessHandle.of(brokerPid).map(Cpu::cpuNanos).orElse(-1L);
      return new Cpu(process - client, broker, client);
    }

    private static long cpuNanos(ProcessHandle p) {
      return p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    Cpu minus(Cpu before) {
      return new Cpu(
          serverNanos - before.serverNanos,
          brokerNanos - before.brokerNanos,
          clientNanos - before.clientNanos);
    }

    /** The producer runs on the calling thread and its own I/O thread: both count as producer. */
    String perProducer(double units) {
      return String.format(
          Locale.ROOT,
          "producer %.1f µs, Kafka %.1f µs",
          (serverNanos + clientNanos) / units / 1e3,
          brokerNanos / units / 1e3);
    }

    /** e.g. "ingest 61 µs, Kafka 9 µs, client 6 µs". */
    String per(double units, String server) {
      return String.format(
          Locale.ROOT,
          "%s %.1f µs, Kafka %.1f µs, client %.1f µs",
          server,
          serverNanos / units / 1e3,
          brokerNanos / units / 1e3,
          clientNanos / units / 1e3);
    }
  }

  /** Batches of BATCH events, each batch's event ids unique within the run. */
  private static LoadClient.Result batches(int port, long events, double seconds) throws Exception {
    int run = RUNS.incrementAndGet();
    List<EventTemplate> bodies = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      StringBuilder sb = new StringBuilder();
      SplittableRandom rnd = new SplittableRandom(b);
      for (int i = 0; i < BATCH; i++) {
        sb.append(
                EventTemplate.withIdPlaceholder(
                    BenchData.event(i, BATCH, 10_000, DAY_START, rnd), run, i))
            .append('\n');
      }
      bodies.add(new EventTemplate(sb.toString()));
    }
    LoadClient.Result r =
        client(port, "application/x-ndjson")
            .run(
                BATCH_CONNECTIONS,
                Math.max(1, events / BATCH),
                seconds,
                seq -> bodies.get((int) (seq % bodies.size())).fill(seq),
                202);
    return r.allAnswered("NDJSON batches", 202, NOT_INGESTS);
  }

  /** Single events for `seconds`, each with its own event id. */
  private static LoadClient.Result singles(int port, double seconds) throws Exception {
    int run = RUNS.incrementAndGet();
    SplittableRandom rnd = new SplittableRandom(run);
    EventTemplate[] events = new EventTemplate[1000];
    for (int i = 0; i < events.length; i++) {
      events[i] =
          new EventTemplate(
              EventTemplate.withIdPlaceholder(
                  BenchData.event(i, events.length, 10_000, DAY_START, rnd), run, i));
    }
    LoadClient.Result r =
        client(port, "application/json")
            .run(
                SINGLE_CONNECTIONS,
                Long.MAX_VALUE,
                seconds,
                seq -> events[(int) (seq % events.length)].fill(seq),
                202);
    return r.allAnswered("single events", 202, NOT_INGESTS);
  }

  private static LoadClient client(int port, String contentType) {
    return new LoadClient(
        new InetSocketAddress("127.0.0.1", port),
        "POST",
        "/v1/events",
        "Content-Type: " + contentType,
        "Authorization: Bearer " + TOKEN);
  }

  /** Kafka's producer alone with ingest's settings (acks=all, idempotent), the events as bytes. */
  private static double producerAlone(String bootstrap, long n) throws Exception {
    SplittableRandom rnd = new SplittableRandom(1);
    byte[][] values = new byte[1000][];
    String[] keys = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      String e = BenchData.event(i, values.length, 10_000, DAY_START, rnd);
      values[i] = e.getBytes(StandardCharsets.UTF_8);
      keys[i] = e.substring(e.indexOf("\"nip\":\"") + 7, e.indexOf("\"nip\":\"") + 25);
    }
    var props = KafkaEventPublisher.producerProperties(bootstrap, Duration.ofSeconds(30));
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props)) {
      for (int i = 0; i < n; i++) {
        p.send(new ProducerRecord<>(Topics.ATTENDANCE, keys[i % 1000], values[i % 1000]));
      }
      p.flush();
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  /** The ingest section alone, on a broker of its own: for working on ingest's speed. */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    Path dir = Files.createTempDirectory("pantau-ingest-bench");
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"))) {
      kafka.createPantauTopics(2);
      measure(
          kafka,
          events,
          (what, value, unit, beside) ->
              System.out.printf(
                  Locale.ROOT, "| %s | %,.0f | %s | %s |%n", what, value, unit, beside));
    }
    System.exit(0);
  }
}

package id.pantau.local;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.api.Dashboard;
import id.pantau.api.DashboardConfig;
import id.pantau.infra.FreePort;
import id.pantau.infra.InfluxServer;
import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * The bench's dashboard-api section: every unit's latest occupancy point in influxd, dashboard-api
 * in this JVM, and {@code --api-clients} keep-alive clients ({@link LoadClient}, a closed loop)
 * asking GET /api/v1/occupancy for {@code --api-seconds} after a warm-up, as an operator (every
 * unit) and as a BKD of one region; beside the same load on an empty Javalin route (what the client
 * and HTTP cost here), with the queries InfluxDB ran meanwhile (the cache: one a period); then the
 * board's first paint at {@code /} for the operator in headless Chromium ({@link BenchBoard}).
 */
final class BenchApi {
  static final String DB = "api";
  static final int REGIONS = 10;
  static final String PATH = "/api/v1/occupancy";
  private static final String OPERATOR = "pt_bench_operator";
  private static final String BKD = "pt_bench_bkd_region_0";

  private BenchApi() {}

  /** Runs the section on influxd; {@code kafkaBootstrap} null: a port where nothing answers. */
  static void measure(
      InfluxServer influx,
      InfluxDB client,
      String kafkaBootstrap,
      BenchOptions o,
      BenchReport report)
      throws Exception {
    influx.createDatabase(DB);
    writeLatestPoints(client, o.units());
    int clients = o.apiClients();
    double seconds = o.apiSeconds();

    TokenStore tokens =
        TokenStore.of(
            Map.of(
                TokenStore.sha256(OPERATOR),
                new Principal("bench-operator", Role.OPERATOR, Set.of(), Set.of()),
                TokenStore.sha256(BKD),
                new Principal("bench-bkd", Role.BKD_ADMIN, Set.of(region(0)), Set.of())));
    String kafka = kafkaBootstrap != null ? kafkaBootstrap : "127.0.0.1:" + FreePort.find();
    DashboardConfig config = new DashboardConfig(influx.url(), DB, kafka, "127.0.0.1", 0, null);
    LoadClient.Result all;
    LoadClient.Result region;
    BenchBoard.Result board;
    long queries;
    double took;
    // The dashboard first, the floor after it: the floor's route then runs on a Jetty the JIT has
    // compiled already, as the dashboard's did, rather than being the one measured cold.
    try (Dashboard api = Dashboard.start(config, tokens)) {
      int port = URI.create(api.url()).getPort();
      System.err.printf(
          "bench: api: GET %s, %,d units, %d clients for %.0f s after a warm-up …%n",
          PATH, o.units(), clients, seconds);
      long queriesBefore = InfluxPointCounts.queriesExecuted(client);
      long t0 = System.nanoTime();
      all = warmedUp(port, OPERATOR, clients, seconds);
      took = (System.nanoTime() - t0) / 1e9;
      queries = InfluxPointCounts.queriesExecuted(client) - queriesBefore;
      region = warmedUp(port, BKD, clients, seconds);
      System.err.printf(
          "bench: api: the board at / in headless Chromium, %d loads of %,d units …%n",
          BenchBoard.LOADS, o.units());
      board = BenchBoard.measure(api.url(), OPERATOR, o.units());
    }
    System.err.printf(
        "bench: api: the load client on an empty Javalin route, %d clients …%n", clients);
    Javalin floor = IngestLoad.emptyRoute(PATH, 200);
    LoadClient.Result base;
    try {
      base = warmedUp(floor.port(), null, clients, seconds);
    } finally {
      floor.stop();
    }

    report.row(
        "API floor: " + clients + " clients on an empty Javalin route",
        base.perSecond(),
        "requests/s",
        "what client + HTTP cost here; " + base.latencies());
    report.row(
        "API: GET /api/v1/occupancy, operator (all " + o.units() + " units)",
        all.perSecond(),
        "requests/s",
        beside(all, base, clients));
    double p99 = all.percentileMs(0.99);
    report.target(
        "API: occupancy p99, " + clients + " clients",
        p99,
        "ms",
        String.format(Locale.ROOT, "floor p99 %.1f ms (target < 50 ms)", base.percentileMs(0.99)),
        p99 < 50);
    report.row(
        "API: InfluxDB queries during the operator's load",
        queries,
        "queries",
        String.format(
            Locale.ROOT,
            "in %.0f s (warm-up included) for %,d answers; cache %,d ms",
            took,
            all.expected(),
            config.occupancyCacheMs()));
    report.row(
        "API: GET /api/v1/occupancy, a region's BKD (" + o.units() / REGIONS + " units)",
        region.perSecond(),
        "requests/s",
        beside(region, base, clients));
    report.row(
        "API: board first contentful paint at /, operator (" + o.units() + " units)",
        board.medianFirstPaintMs(),
        "ms",
        "median of " + BenchBoard.LOADS + " loads, headless Chromium, cache off");
    double ready = board.medianReadyMs();
    report.target(
        "API: board ready at / (every row on screen), " + o.units() + " units",
        ready,
        "ms",
        "median of " + BenchBoard.LOADS + " loads (target < 1 s): " + board.each(),
        ready < 1000);
  }

  private static String beside(LoadClient.Result r, LoadClient.Result floor, int clients) {
    return String.format(
        Locale.ROOT,
        "%.2f × floor; %d clients accepting gzip, %s",
        r.perSecond() / floor.perSecond(),
        clients,
        r.latencies());
  }

  /** A warm-up of rounds until the rate settles, then the measured run of {@code seconds}. */
  private static LoadClient.Result warmedUp(int port, String token, int clients, double seconds)
      throws Exception {
    double round = Math.max(0.5, seconds / 5);
    IngestLoad.warmUp(
        () -> run(port, token, clients, round).perSecond(), "requests/s", seconds, 3 * seconds);
    return run(port, token, clients, seconds);
  }

  private static LoadClient.Result run(int port, String token, int clients, double seconds)
      throws Exception {
    LoadClient load =
        token == null
            ? new LoadClient(new InetSocketAddress("127.0.0.1", port), "GET", PATH)
            : new LoadClient(
                new InetSocketAddress("127.0.0.1", port),
                "GET",
                PATH,
                "Authorization: Bearer " + token,
                // As the board's browsers ask: the answer gzipped once per read is what they get.
                "Accept-Encoding: gzip");
    byte[] none = new byte[0];
    return load.run(clients, Long.MAX_VALUE, seconds, seq -> none, 200).allAnswered(PATH, 200, "");
  }

  static String region(int r) {
    return "bench-region-" + r;
  }

  /** One latest point per unit, as the occupancy job writes them, spread over REGIONS regions. */
  private static void writeLatestPoints(InfluxDB client, int units) {
    long now = System.currentTimeMillis();
    List<Point> points = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      int present = 5 + u % 40;
      points.add(
          Point.measurement("occupancy")
              .time(now - u, TimeUnit.MILLISECONDS)
              .tag("unit", BenchData.unitId(u))
              .tag("region", region(u % REGIONS))
              .addField("present", (long) present)
              .addField("headcount", 50L)
              .addField("share", present / 50.0)
              .addField("cap", 25L)
              .addField("floor", u % 5 == 0 ? 3L : 0L)
              .build());
    }
    client.write(BatchPoints.database(DB).precision(TimeUnit.MILLISECONDS).points(points).build());
  }
}

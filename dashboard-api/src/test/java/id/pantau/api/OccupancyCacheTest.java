package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.infra.FreePort;
import id.pantau.infra.InfluxServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/occupancy answers from one read of InfluxDB a period, over real influxd processes:
 * new points show within the period, a stopped influxd leaves the last read served up to the
 * staleness limit, and concurrent requests share one read.
 */
class OccupancyCacheTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);
  static final String TOKEN = "tok-ops";
  static final TokenStore TOKENS =
      TokenStore.of(
          Map.of(
              TokenStore.sha256(TOKEN), new Principal("ops", Role.OPERATOR, Set.of(), Set.of())));

  @TempDir static Path dir;
  static InfluxServer influx;

  @BeforeAll
  static void start() throws Exception {
    influx = InfluxServer.start(dir.resolve("influx"));
    influx.createDatabase("pantau");
  }

  @AfterAll
  static void stop() {
    if (influx != null) influx.close();
  }

  static void write(InfluxServer server, String unit, int present) {
    try (InfluxDB client = InfluxDBFactory.connect(server.url())) {
      client.write(
          "pantau",
          "autogen",
          Point.measurement("occupancy")
              .time(System.currentTimeMillis(), TimeUnit.MILLISECONDS)
              .tag("unit", unit)
              .tag("region", "kota-tangerang")
              .addField("present", (long) present)
              .addField("headcount", 40L)
              .addField("share", present / 40.0)
              .build());
    }
  }

  static Dashboard dashboard(InfluxServer server, int cacheMs, int staleMs) {
    return Dashboard.start(
        new DashboardConfig(
                server.url(), "pantau", "127.0.0.1:" + FreePort.find(), "127.0.0.1", 0, null)
            .withOccupancyCache(cacheMs, staleMs),
        TOKENS);
  }

  static List<String> units(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    Http.json(r).get("units").forEach(u -> out.add(u.get("unit").asText()));
    return out;
  }

  @Test
  void aNewPointIsOnTheBoardWithinTheCachePeriod() {
    int periodMs = 500;
    try (Dashboard d = dashboard(influx, periodMs, 10_000)) {
      write(influx, "tng-first", 3);
      assertThat(units(Http.get(d.url() + "/api/v1/occupancy", TOKEN))).contains("tng-first");

      write(influx, "tng-new", 7);
      long written = System.nanoTime();
      long seenAfterMs = -1;
      while (System.nanoTime() - written < DEADLINE.toNanos()) {
        if (units(Http.get(d.url() + "/api/v1/occupancy", TOKEN)).contains("tng-new")) {
          seenAfterMs = (System.nanoTime() - written) / 1_000_000;
          break;
        }
      }
      assertThat(seenAfterMs).as("ms until the new unit was served").isBetween(0L, 5_000L);
    }
  }

  @Test
  void aStoppedInfluxdLeavesTheLastReadServedWithItsTimeThen503AfterTheStalenessLimit()
      throws Exception {
    int staleMs = 5_000;
    InfluxServer own = InfluxServer.start(dir.resolve("influx-stopped"));
    try (Dashboard d = dashboard(own, 200, staleMs)) {
      own.createDatabase("pantau");
      write(own, "tng-damkar", 4);
      HttpResponse<String> before = Http.get(d.url() + "/api/v1/occupancy", TOKEN);
      assertThat(units(before)).containsExactly("tng-damkar");
      Instant asOf = Instant.parse(Http.json(before).get("asOf").asText());

      own.stop();
      HttpResponse<String> stale = Http.get(d.url() + "/api/v1/occupancy", TOKEN);
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(units(stale)).containsExactly("tng-damkar");
      Instant staleAsOf = Instant.parse(Http.json(stale).get("asOf").asText());
      assertThat(staleAsOf).isBeforeOrEqualTo(asOf.plusSeconds(1));
      JsonNode health = Http.json(Http.get(d.url() + "/api/v1/health", null));
      assertThat(health.get("occupancy").get("asOf").asText()).isEqualTo(staleAsOf.toString());
      assertThat(health.get("occupancy").get("ageMs").asLong()).isGreaterThanOrEqualTo(0);

      HttpResponse<String> r = stale;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (r.statusCode() == 200 && System.nanoTime() < deadline) {
        r = Http.get(d.url() + "/api/v1/occupancy", TOKEN);
      }
      Instant refused = Instant.now();
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(Http.errors(r)).containsExactly("influxdb: unreachable");
      assertThat(Duration.between(staleAsOf, refused))
          .isGreaterThanOrEqualTo(Duration.ofMillis(staleMs));
    } finally {
      own.close();
    }
  }

  @Test
  void concurrentRequestsShareOneReadOfInfluxdbPerPeriod() throws Exception {
    write(influx, "tng-shared", 5);
    OccupancyReader reader = new OccupancyReader(new Influx(influx.url(), "pantau"));
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger reading = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    long periodMs = 300;
    OccupancyCache cache =
        new OccupancyCache(
            () -> {
              reads.incrementAndGet();
              mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
              try {
                return reader.latest();
              } finally {
                reading.decrementAndGet();
              }
            },
            Duration.ofMillis(periodMs),
            Duration.ofSeconds(10),
            Clock.systemUTC());
    AtomicInteger served = new AtomicInteger();
    AtomicInteger missing = new AtomicInteger();
    long start = System.nanoTime();
    long runNanos = TimeUnit.SECONDS.toNanos(3);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() - start < runNanos) {
                  OccupancySnapshot s = cache.snapshot();
                  if (s.visibleTo(new Principal("ops", Role.OPERATOR, Set.of(), Set.of())).stream()
                      .noneMatch(u -> u.unit().equals("tng-shared"))) missing.incrementAndGet();
                  served.incrementAndGet();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join(DEADLINE.toMillis());
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(served.get()).isGreaterThan(1_000);
    assertThat(missing.get()).isZero();
    assertThat(mostAtOnce.get()).as("reads of InfluxDB at once").isEqualTo(1);
    assertThat(reads.get())
        .as("reads in %.1f s at one per %d ms", seconds, periodMs)
        .isBetween(1, (int) Math.ceil(seconds * 1000 / periodMs) + 1);
  }
}

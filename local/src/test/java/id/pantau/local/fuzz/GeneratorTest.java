package id.pantau.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator without servers: reproducible from seed and index, and covering every route. */
class GeneratorTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final Callers CALLERS = new Callers();

  static String wire(Task t) {
    StringBuilder s = new StringBuilder();
    for (FuzzRequest q : t.requests()) {
      s.append(new String(q.wire("h:1"), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    return s.toString();
  }

  @Test
  void aTaskIsAFunctionOfSeedAndIndexAlone() {
    Generator a = new Generator(42, CALLERS, 256 * 1024, 1_000);
    Generator b = new Generator(42, CALLERS, 256 * 1024, 1_000);

    assertThat(wire(a.task(7, NOW))).isEqualTo(wire(b.task(7, NOW)));
    assertThat(wire(a.task(7, NOW))).isNotEqualTo(wire(a.task(8, NOW)));
    assertThat(wire(new Generator(43, CALLERS, 256 * 1024, 1_000).task(7, NOW)))
        .isNotEqualTo(wire(a.task(7, NOW)));
  }

  @Test
  void fourThousandTasksReachEveryRouteOfBothServicesWithEveryMethod() {
    Generator g = new Generator(1, CALLERS, 256 * 1024, 1_000);
    Set<String> routes = new HashSet<>();
    Set<String> methods = new HashSet<>();
    int duplicates = 0;
    int raw = 0;
    for (int i = 0; i < 4_000; i++) {
      Task t = g.task(i, NOW);
      if (t.duplicateId() != null) duplicates++;
      for (FuzzRequest q : t.requests()) {
        if (q.raw() != null) {
          raw++;
          continue;
        }
        methods.add(q.method());
        routes.add(q.service() + " " + route(q.target()));
      }
    }
    assertThat(routes)
        .contains(
            "INGEST /v1/events",
            "INGEST /v1/units",
            "INGEST /v1/units/*",
            "INGEST /v1/units/*/exposure",
            "INGEST /v1/zones",
            "INGEST /v1/zones/*",
            "INGEST /v1/policies",
            "INGEST /v1/policies/*",
            "INGEST /v1/regions",
            "INGEST /v1/regions/*",
            "INGEST /v1/rosters",
            "INGEST /v1/devices/*",
            "INGEST /v1/health",
            "DASHBOARD /api/v1/health",
            "DASHBOARD /api/v1/occupancy",
            "DASHBOARD /api/v1/units/*/occupancy",
            "DASHBOARD /api/v1/breaches",
            "DASHBOARD /api/v1/compliance",
            "DASHBOARD /api/v1/units/*/followups",
            "DASHBOARD /api/v1/trends",
            "DASHBOARD /api/v1/alerts/stream",
            "DASHBOARD /reports/weekly",
            "DASHBOARD /");
    assertThat(methods)
        .contains("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT");
    assertThat(duplicates).isGreaterThan(40);
    assertThat(raw).isGreaterThan(40);
  }

  /** The route a target names, path values as *. */
  static String route(String target) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    for (Map.Entry<String, String> e :
        Map.of(
                "^/v1/units/[^/]+/exposure$", "/v1/units/*/exposure",
                "^/v1/(units|zones|policies|regions|devices)/[^/]+$", "/v1/$1/*",
                "^/api/v1/units/[^/]+/(occupancy|followups)$", "/api/v1/units/*/$1")
            .entrySet()) {
      if (path.matches(e.getKey())) return path.replaceAll(e.getKey(), e.getValue());
    }
    return path;
  }

  @Test
  void aFailureShowsMethodPathHeadersAndTheBodyClipped() {
    FuzzRequest q =
        FuzzRequest.of(
            FuzzRequest.Service.INGEST,
            "events",
            "POST",
            "/v1/events",
            List.<String[]>of(new String[] {"Content-Type", "application/json"}),
            ("{\"x\":\"" + "y".repeat(1_000) + "\u00ff\"}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
            Set.of(202));
    String d = new Failure(3, 1, q, Answer.broken(-1, "reset"), "broken connection").describe();

    assertThat(d)
        .startsWith("task 3 request 1: broken connection")
        .contains("POST /v1/events", "Content-Type: application/json", "body (1009 bytes)")
        .contains("… (1009 chars)")
        .contains("no complete answer (reset)");
  }
}

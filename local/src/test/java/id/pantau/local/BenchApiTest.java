package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./pantau bench --api-only` on small numbers: the section runs (the board's first paint in real
 * headless Chromium included) and reports its rows.
 */
class BenchApiTest {
  @TempDir Path dir;

  @Test
  void theApiSectionRunsOnSmallNumbersAndReportsEveryRowWithAFigure() throws Exception {
    Path out = dir.resolve("out");
    new Bench()
        .run(
            BenchOptions.parse(
                new String[] {
                  "--api-only",
                  "--units",
                  "20",
                  "--api-clients",
                  "4",
                  "--api-seconds",
                  "1",
                  "--out",
                  out.toString()
                }));

    JsonNode json = Json.MAPPER.readTree(Files.readString(out.resolve("results.json")));
    List<String> rows = new ArrayList<>();
    for (JsonNode row : json.get("rows")) {
      rows.add(row.get("what").asText());
      assertThat(row.get("value").isNumber()).as(row.get("what").asText()).isTrue();
    }
    assertThat(rows)
        .containsExactly(
            "API floor: 4 clients on an empty Javalin route",
            "API: GET /api/v1/occupancy, operator (all 20 units)",
            "API: occupancy p99, 4 clients",
            "API: InfluxDB queries during the operator's load",
            "API: GET /api/v1/occupancy, a region's BKD (2 units)",
            "API: board first contentful paint at /, operator (20 units)",
            "API: board ready at / (every row on screen), 20 units");
    assertThat(json.get("settings").asText())
        .isEqualTo("20 units, dashboard-api: 4 clients for 1 s only");
    assertThat(Files.readString(out.resolve("results.md")))
        .contains("| API: occupancy p99, 4 clients |");
  }
}

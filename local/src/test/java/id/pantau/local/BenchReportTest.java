package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir Path dir;

  @Test
  void writesEveryRowAndNoteAsJsonWithAFigureNotMeasuredAsNull() throws Exception {
    BenchReport report = new BenchReport();
    report.target("Replay, all jobs", 24_916.5, "events/s", "0.09 x \"baseline\"", false);
    report.row("Freshness p99", Double.NaN, "ms", "not measured");
    report.note("a note with a \\ backslash");

    report.write(dir, "10M events", 1.5);

    JsonNode json = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(json.get("settings").asText()).isEqualTo("10M events");
    assertThat(json.get("rows")).hasSize(2);
    assertThat(json.get("rows").get(0).get("value").asDouble()).isEqualTo(24_916.5);
    assertThat(json.get("rows").get(0).get("beside").asText()).isEqualTo("0.09 x \"baseline\"");
    assertThat(json.get("rows").get(0).get("target").asText()).isEqualTo("missed");
    assertThat(json.get("rows").get(1).get("value").isNull()).isTrue();
    assertThat(json.get("notes").get(0).asText()).isEqualTo("a note with a \\ backslash");
    assertThat(Files.readString(dir.resolve("results.md"))).contains("| Replay, all jobs |");
  }
}

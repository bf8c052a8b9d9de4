package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's cost rows on a small job of two chains, without Kafka: the MiniCluster's metric
 * reporter reaches the bench (each chain's busy time, named by its operators), the task threads'
 * CPU time is found by their names, and completed checkpoints are seen.
 */
class BenchCostsTest {
  static final int EVENTS = 3_000_000;

  @TempDir Path dir;

  @Test
  void eachChainGetsItsCpuPerEventAndGcAndCheckpointRowsHaveFigures() throws Exception {
    BenchReplay.Result r =
        BenchReplay.measure(
            "costs",
            EVENTS,
            env -> {
              env.setParallelism(1);
              env.enableCheckpointing(20);
              env.fromSequence(1, EVENTS)
                  .name("Numbers")
                  .map(n -> n * 2)
                  .name("Doubled")
                  .keyBy(n -> n % 100)
                  .reduce(Long::sum)
                  .name("Sums")
                  .sinkTo(new DiscardingSink<>())
                  .name("Discard");
            },
            null);
    BenchReport report = new BenchReport();
    BenchCosts.rows(report, r.metrics(), EVENTS, EVENTS / r.rate());
    report.write(dir, "costs", 0);

    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (JsonNode row :
        Json.MAPPER.readTree(Files.readString(dir.resolve("results.json"))).get("rows"))
      rows.put(row.get("what").asText(), row);
    assertThat(rows.keySet())
        .containsExactly(
            "CPU per event: Source: Numbers -> Doubled",
            "CPU per event: Sums -> Discard: Writer",
            "CPU per event: every chain",
            "GC pauses during the all-jobs replay, total",
            "GC pause during the all-jobs replay, longest",
            "Checkpoint duration p50, all-jobs replay",
            "Checkpoint duration max, all-jobs replay",
            "Checkpoint size, last completed");
    for (String chain : rows.keySet()) {
      if (!chain.startsWith("CPU per event")) continue;
      assertThat(rows.get(chain).get("value").asDouble()).as(chain).isPositive();
    }
    assertThat(r.metrics().checkpointMs()).as("checkpoints seen").isNotEmpty();
    assertThat(rows.get("Checkpoint size, last completed").get("value").asDouble()).isPositive();
    assertThat(rows.get("GC pauses during the all-jobs replay, total").get("value").isNumber())
        .isTrue();
  }
}

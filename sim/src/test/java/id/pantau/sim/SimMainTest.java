package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimMainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(Map<String, String> env, String... args) throws Exception {
    return SimMain.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsADaysEventsAsValidNdjson() throws Exception {
    assertThat(run(Map.of(), "plan", "--date", "2026-11-23", "--units", "21", "--staff", "2100"))
        .isZero();
    List<String> lines = lines();
    assertThat(lines).hasSizeGreaterThan(2_100);
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      boolean attendance = line.contains("\"type\":\"attendance\"");
      assertThat(attendance ? Json.attendance(bytes).errors() : Json.location(bytes).errors())
          .as(line)
          .isEmpty();
    }
  }

  @Test
  void printsTheUnitsOfTheCityTheEnvironmentDescribes() throws Exception {
    assertThat(run(Map.of("PANTAU_SIM_UNITS", "30", "PANTAU_SIM_STAFF", "3000"), "units")).isZero();
    assertThat(lines()).hasSize(30);
    assertThat(lines())
        .allSatisfy(
            l -> assertThat(Json.unit(l.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty());
  }

  @Test
  void explainsAConfigTheUnitsCannotHold() throws Exception {
    assertThat(run(Map.of(), "units", "--units", "20", "--staff", "100")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("staff:").contains("need 200–5000");
  }

  @Test
  void writesADaysGroundTruthAsCsvFiles(@TempDir Path dir) throws Exception {
    assertThat(
            run(
                Map.of(),
                "truth",
                "--date",
                "2026-11-23",
                "--units",
                "6",
                "--staff",
                "120",
                "--out",
                dir.toString()))
        .isZero();
    assertThat(Files.readAllLines(dir.resolve("occupancy.csv"))).hasSize(1 + 6 * 1440);
    assertThat(Files.readAllLines(dir.resolve("compliance.csv")).get(0))
        .isEqualTo("unit,window,expected,on_time,late,missed,late_upload,rate");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ground truth of 2026-11-23");
  }
}

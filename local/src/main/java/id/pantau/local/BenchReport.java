package id.pantau.local;

import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's table: every figure beside its baseline or target, as Markdown and as JSON. */
final class BenchReport {
  record Row(String what, double value, String unit, String beside, String verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void row(String what, double value, String unit, String beside) {
    row(what, value, unit, beside, "");
  }

  /** A row with a target: verdict "met" or "missed". */
  void target(String what, double value, String unit, String beside, boolean met) {
    row(what, value, unit, beside, met ? "met" : "missed");
  }

  private void row(String what, double value, String unit, String beside, String verdict) {
    Row r = new Row(what, value, unit, beside, verdict);
    rows.add(r);
    System.err.printf(
        "bench: %-52s %14s %-11s %s %s%n", what, format(value), unit, beside, verdict);
  }

  void note(String text) {
    notes.add(text);
  }

  static String format(double v) {
    if (Math.abs(v) >= 100 || v == Math.rint(v)) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.version")
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB, everything co-located";
  }

  void write(Path dir, String settings, double loadAverage) throws Exception {
    Files.createDirectories(dir);
    Instant now = Instant.now();
    StringBuilder md = new StringBuilder();
    md.append("# Pantau benchmark — ").append(now).append("\n\n");
    md.append("Machine: ").append(machine()).append(".  \n");
    md.append("Load average (1 min) at the end: ")
        .append(String.format(Locale.ROOT, "%.2f", loadAverage))
        .append(".  \n");
    md.append("Settings: ").append(settings).append(".\n\n");
    md.append("| what | figure | unit | beside | target |\n| --- | ---: | --- | --- | --- |\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.what)
          .append(" | ")
          .append(format(r.value))
          .append(" | ")
          .append(r.unit)
          .append(" | ")
          .append(r.beside)
          .append(" | ")
          .append(r.verdict)
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      for (String n : notes) md.append("- ").append(n).append('\n');
    }
    Files.writeString(dir.resolve("results.md"), md.toString());

    List<JsonRow> jsonRows = new ArrayList<>();
    for (Row r : rows) {
      jsonRows.add(
          new JsonRow(
              r.what, Double.isFinite(r.value) ? r.value : null, r.unit, r.beside, r.verdict));
    }
    Json.MAPPER
        .writerWithDefaultPrettyPrinter()
        .writeValue(
            dir.resolve("results.json").toFile(),
            new Results(now.toString(), machine(), loadAverage, settings, jsonRows, notes));
    System.out.print(md);
    System.err.println(
        "bench: written to " + dir.toAbsolutePath().resolve("results.md") + " and .json");
  }

  /** results.json: what the Markdown table says, for scripts comparing runs. */
  record Results(
      String time,
      String machine,
      double loadAverage,
      String settings,
      List<JsonRow> rows,
      List<String> notes) {}

  /** A row of results.json; a figure that could not be measured is null. */
  record JsonRow(String what, Double value, String unit, String beside, String target) {}
}

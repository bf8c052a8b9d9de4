package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pantau.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pantau's Grafana provisioning as Grafana reads it: the files under {@code grafana/} at the
 * repository's root. Provisioning files (YAML) are expanded as Grafana expands them — {@code $VAR}
 * and {@code ${VAR}} from the environment, {@code $$} a literal {@code $} — with {@link #ENV}, a
 * stand-in for the deployment's environment; dashboard files are not expanded.
 */
final class GrafanaFiles {
  /** The data source every dashboard and alert rule names. */
  static final String DATASOURCE_UID = "pantau-influxdb";

  /** What the checks expand provisioning files with (the deployment sets real values). */
  static final Map<String, String> ENV =
      Map.of(
          "GRAFANA_INFLUX_USER", "grafana",
          "GRAFANA_INFLUX_PASSWORD", "password-from-the-environment",
          "GRAFANA_WEBHOOK_URL", "https://hooks.example/pantau",
          "GRAFANA_WEBHOOK_SECRET", "secret-from-the-environment");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{(\\w+)}|\\$(\\w+)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private GrafanaFiles() {}

  /** The repository's root: the nearest directory up from here holding {@code grafana/}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("grafana")) && Files.exists(d.resolve("pom.xml"))) return d;
    }
    throw new IllegalStateException("no grafana/ directory above " + dir);
  }

  static Path grafana() {
    return root().resolve("grafana");
  }

  /** The files of one kind of provisioning (datasources, dashboards, alerting), sorted. */
  static List<Path> provisioning(String kind) {
    return files(grafana().resolve("provisioning").resolve(kind), ".yaml", ".yml");
  }

  /** Text as Grafana expands a provisioning file: {@code $$} is {@code $}, a variable its value. */
  static String expand(String text, Map<String, String> env) {
    return expand(text, env, (name, at) -> {});
  }

  /** The environment variables a provisioning file names. */
  static Set<String> variables(String text) {
    Set<String> names = new TreeSet<>();
    expand(text, Map.of(), (name, at) -> names.add(name));
    return names;
  }

  /** Comments are left as they are: Grafana expands values, not what YAML drops. */
  private static String expand(
      String text, Map<String, String> env, BiConsumer<String, Integer> named) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      out.append(line.strip().startsWith("#") ? line : expandLine(line, env, named));
    }
    return out.toString();
  }

  private static String expandLine(
      String text, Map<String, String> env, BiConsumer<String, Integer> named) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value;
      if (name == null) {
        value = "$";
      } else {
        named.accept(name, m.start());
        value = env.getOrDefault(name, "");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A provisioning file parsed after expansion with {@link #ENV}. */
  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(expand(Files.readString(file), ENV));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One dashboard file: its folder (the directory it lies in) and its JSON. */
  record Dashboard(Path file, String folder, JsonNode json) {
    String title() {
      return json.path("title").asText();
    }

    String uid() {
      return json.path("uid").asText();
    }

    /** Every panel, those inside rows included. */
    List<JsonNode> panels() {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode p : json.path("panels")) {
        out.add(p);
        for (JsonNode inner : p.path("panels")) out.add(inner);
      }
      return out;
    }

    /** The dashboard's variables, in order. */
    List<JsonNode> variables() {
      List<JsonNode> out = new ArrayList<>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }
  }

  /**
   * Every dashboard under {@code grafana/dashboards}, parsed; a file that does not parse throws.
   */
  static List<Dashboard> dashboards() {
    Path dir = grafana().resolve("dashboards");
    List<Dashboard> out = new ArrayList<>();
    for (Path f : files(dir, ".json")) {
      try {
        JsonNode json = Json.MAPPER.readTree(Files.readString(f));
        Path rel = dir.relativize(f);
        String folder = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        out.add(new Dashboard(f, folder, json));
      } catch (IOException e) {
        throw new UncheckedIOException(f + " does not parse: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Every alert rule of the alerting files, each with its group's name and folder. */
  static List<JsonNode> alertRules() {
    List<JsonNode> out = new ArrayList<>();
    for (Path f : provisioning("alerting")) {
      for (JsonNode g : yaml(f).path("groups")) {
        for (JsonNode r : g.path("rules")) {
          var rule = r.deepCopy();
          if (rule instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.put("_group", g.path("name").asText());
            o.put("_folder", g.path("folder").asText());
            o.put("_file", grafana().relativize(f).toString());
          }
          out.add(rule);
        }
      }
    }
    return out;
  }

  /** Every node of a tree named {@code key}, depth first. */
  static List<JsonNode> named(JsonNode tree, String key) {
    List<JsonNode> out = new ArrayList<>();
    collect(tree, key, out);
    return out;
  }

  private static void collect(JsonNode n, String key, List<JsonNode> out) {
    if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals(key)) out.add(e.getValue());
                collect(e.getValue(), key, out);
              });
    } else if (n instanceof ArrayNode a) {
      a.forEach(c -> collect(c, key, out));
    }
  }

  private static List<Path> files(Path dir, String... suffixes) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

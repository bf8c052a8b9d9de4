package id.pantau.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's deployment files as the checks read them: docker-compose.yml, .env.example, the
 * Dockerfile, the poms, and the PANTAU_* variables each module's code reads.
 */
final class Deployment {
  static final YAMLMapper YAML = new YAMLMapper();

  /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}; $$ escapes. */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private static final Pattern PANTAU_LITERAL = Pattern.compile("\"(PANTAU_[A-Z0-9_]+)\"");

  /** A variable of the .env file as compose interpolates it. */
  record Interpolation(String name, String operator, String argument) {
    boolean required() {
      return operator.endsWith("?");
    }

    /** What compose puts in when the variable is unset: the default, else nothing. */
    String fallback() {
      return operator.endsWith("-") ? argument : "";
    }
  }

  private Deployment() {}

  /** The repository's root: the first directory up from here with docker-compose.yml. */
  static Path root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docker-compose.yml"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no docker-compose.yml above " + dir);
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode compose() {
    return YAML.readTree(read("docker-compose.yml"));
  }

  static JsonNode service(String name) {
    JsonNode s = compose().path("services").path(name);
    if (s.isMissingNode()) throw new AssertionError("docker-compose.yml has no service " + name);
    return s;
  }

  /** A service's environment as a map (compose takes a mapping or a list of KEY=VALUE). */
  static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode e = service.path("environment");
    if (e.isObject()) {
      e.properties().forEach(p -> env.put(p.getKey(), p.getValue().asString()));
    } else if (e.isArray()) {
      for (JsonNode item : e.values()) {
        String s = item.asString();
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return env;
  }

  static List<Interpolation> interpolations(String text) {
    List<Interpolation> found = new ArrayList<>();
    Matcher m = INTERPOLATION.matcher(text);
    while (m.find()) {
      if (m.group(1) == null) continue; // $$
      found.add(
          new Interpolation(
              m.group(1),
              m.group(2) == null ? "" : m.group(2),
              m.group(3) == null ? "" : m.group(3)));
    }
    return found;
  }

  /** The text as compose makes it with an empty .env: each variable its default, $$ a $. */
  static String withDefaults(String text) {
    Matcher m = INTERPOLATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "$";
      } else {
        String op = m.group(2) == null ? "" : m.group(2);
        replacement = op.endsWith("-") ? m.group(3) : "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Every interpolation in the compose file, with the path of the value it is in. */
  static Map<String, List<Interpolation>> allInterpolations() {
    Map<String, List<Interpolation>> all = new LinkedHashMap<>();
    walk(compose(), "", all);
    return all;
  }

  private static void walk(JsonNode node, String path, Map<String, List<Interpolation>> out) {
    if (node.isObject()) {
      node.properties().forEach(p -> walk(p.getValue(), path + "/" + p.getKey(), out));
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node.values()) walk(item, path + "/" + i++, out);
    } else if (node.isString()) {
      List<Interpolation> found = interpolations(node.asString());
      if (!found.isEmpty()) out.put(path, found);
    }
  }

  /** The lines NAME=value of .env.example, commented out or not, in order. */
  static Map<String, String> envExample() {
    Map<String, String> vars = new LinkedHashMap<>();
    Pattern line = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");
    for (String l : read(".env.example").split("\n")) {
      Matcher m = line.matcher(l.strip());
      if (m.matches()) vars.put(m.group(1), m.group(2).strip());
    }
    return vars;
  }

  /** The names that .env.example sets without commenting them out (the ones to fill in). */
  static Set<String> envExampleUncommented() {
    Set<String> names = new LinkedHashSet<>();
    Pattern line = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$");
    for (String l : read(".env.example").split("\n")) {
      Matcher m = line.matcher(l.strip());
      if (m.matches()) names.add(m.group(1));
    }
    return names;
  }

  /** A property of the root pom, e.g. kafka.version. */
  static String pomProperty(String name) {
    Matcher m =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
            .matcher(read("pom.xml"));
    if (!m.find()) throw new AssertionError("the root pom has no property " + name);
    return m.group(1).strip();
  }

  /** The project's version (the root pom's own, before its dependencies). */
  static String projectVersion() {
    String pom = read("pom.xml");
    String head = pom.substring(0, pom.indexOf("<properties>"));
    Matcher m =
        Pattern.compile("<artifactId>pantau</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(head);
    if (!m.find()) throw new AssertionError("no version in the root pom");
    return m.group(1).strip();
  }

  /** The runnable jar a module's pom makes: the file name of maven-shade-plugin's outputFile. */
  static String shadedJar(String module) {
    Matcher m =
        Pattern.compile("<outputFile>\\$\\{project\\.build\\.directory}/([^<]+)</outputFile>")
            .matcher(read(module + "/pom.xml"));
    if (!m.find()) throw new AssertionError(module + "/pom.xml makes no runnable jar (shade)");
    return m.group(1).strip();
  }

  /** The Main-Class a module's pom writes into its runnable jar. */
  static String shadedMainClass(String module) {
    Matcher m =
        Pattern.compile("<mainClass>([^<]+)</mainClass>").matcher(read(module + "/pom.xml"));
    if (!m.find()) throw new AssertionError(module + "/pom.xml names no mainClass");
    return m.group(1).strip();
  }

  /**
   * The PANTAU_* variables a module's code reads: the literals "PANTAU_…" in its main sources, and
   * those of any other module's class whose {@code fromEnv} it calls (e.g. events' TimeBounds).
   */
  static Set<String> variablesReadBy(String module) {
    Path root = root();
    Path own = root.resolve(module).resolve("src/main/java");
    Set<String> keys = new TreeSet<>();
    String ownText = String.join("\n", sources(own).stream().map(Deployment::text).toList());
    keys.addAll(literals(ownText));
    try (Stream<Path> modules = Files.list(root)) {
      for (Path other : modules.filter(Files::isDirectory).toList()) {
        Path src = other.resolve("src/main/java");
        if (other.getFileName().toString().equals(module) || !Files.isDirectory(src)) continue;
        for (Path file : sources(src)) {
          String name = file.getFileName().toString().replace(".java", "");
          Set<String> theirs = literals(text(file));
          if (!theirs.isEmpty() && ownText.contains(name + ".fromEnv(")) keys.addAll(theirs);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  private static Set<String> literals(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PANTAU_LITERAL.matcher(text);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  private static List<Path> sources(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every string value of a YAML file (comments are not values). */
  static List<String> stringValues(Path yamlFile) {
    List<String> values = new ArrayList<>();
    collect(YAML.readTree(text(yamlFile)), values);
    return values;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject() || node.isArray()) {
      for (JsonNode child : node.values()) collect(child, out);
    } else if (node.isString()) {
      out.add(node.asString());
    }
  }
}

package id.pantau.local.deploy;

import static id.pantau.local.deploy.Deployment.allInterpolations;
import static id.pantau.local.deploy.Deployment.compose;
import static id.pantau.local.deploy.Deployment.environment;
import static id.pantau.local.deploy.Deployment.interpolations;
import static id.pantau.local.deploy.Deployment.read;
import static id.pantau.local.deploy.Deployment.root;
import static id.pantau.local.deploy.Deployment.service;
import static id.pantau.local.deploy.Deployment.variablesReadBy;
import static id.pantau.local.deploy.Deployment.withDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import id.pantau.api.DashboardConfig;
import id.pantau.events.Topics;
import id.pantau.ingest.IngestConfig;
import id.pantau.jobs.JobsConfig;
import id.pantau.local.deploy.Deployment.Interpolation;
import id.pantau.sim.CityConfig;
import id.pantau.sink.Retention;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compose deployment, checked without Docker: docker-compose.yml against the Compose
 * specification's JSON schema (a copy in src/test/resources/compose-spec.json, from
 * compose-spec/compose-spec's schema/compose-spec.json), and against the project: pinned images,
 * health checks, the variables each service's code reads, ports, secrets, .env.example, Grafana's
 * provisioning, Kafka's topics, InfluxDB's first start, Flink's options and the Dockerfile's jars.
 */
class ComposeFileTest {
  /** The Pantau service of each compose service whose code reads PANTAU_* variables. */
  private static final Map<String, String> CODE_OF_SERVICE =
      Map.of(
          "ingest", "ingest", "dashboard-api", "dashboard-api", "jobmanager", "jobs", "sim", "sim");

  /** Each module's own reading of its variables, to compare a value with the default. */
  private static final Map<String, Function<Map<String, String>, Object>> CONFIG_OF_MODULE =
      Map.of(
          "ingest", IngestConfig::fromEnv,
          "dashboard-api", DashboardConfig::fromEnv,
          "jobs", JobsConfig::fromEnv,
          "sim", CityConfig::fromEnv);

  /**
   * Set differently on purpose: the jobs log in as InfluxDB's writer, the readers as its reader.
   */
  private static final Set<String> DIFFERENT_PER_SERVICE =
      Set.of("PANTAU_INFLUX_USER", "PANTAU_INFLUX_PASSWORD");

  private static final Pattern SECRET = Pattern.compile("(^|_)(PASSWORD|SECRET|TOKEN)(_|$)");

  private static Schema schema() throws IOException {
    // Its $id is relative ("compose_spec.json"): it needs a base, and every $ref stays inside it.
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(
              SchemaLocation.of("https://compose-spec.io/schema/compose-spec.json"),
              in,
              InputFormat.JSON);
    }
  }

  private static List<String> services() {
    return new ArrayList<>(compose().path("services").propertyNames());
  }

  @Test
  void followsTheComposeSpecification() throws IOException {
    List<Error> errors = schema().validate(compose());
    assertThat(errors).as("docker-compose.yml against the Compose specification").isEmpty();
  }

  @Test
  void theSchemaCatchesAMistakeInTheFile() throws IOException {
    ObjectNode broken = (ObjectNode) compose();
    ((ObjectNode) broken.path("services").path("ingest")).put("restart_policy", "always");
    ((ObjectNode) broken.path("services").path("ingest").path("depends_on").path("kafka"))
        .put("condition", "service_ready");
    assertThat(schema().validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyImageIsPinned() {
    Pattern pinned = Pattern.compile("[a-z0-9./_-]+:[A-Za-z0-9._-]+(@sha256:[0-9a-f]{64})?");
    List<String> images = new ArrayList<>();
    for (String s : services()) {
      JsonNode image = service(s).path("image");
      assertThat(image.isString()).as(s + " names its image (and tag)").isTrue();
      images.add(s + ": " + image.asString());
    }
    Matcher from =
        Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(read("Dockerfile"));
    Set<String> stages = new LinkedHashSet<>();
    while (from.find()) {
      if (!stages.contains(from.group(1))) images.add("Dockerfile: " + from.group(1));
      if (from.group(2) != null) stages.add(from.group(2));
    }
    for (String where : images) {
      String image = where.substring(where.indexOf(": ") + 2);
      assertThat(image).as(where + " pinned to a tag").matches(pinned);
      assertThat(image).as(where).doesNotEndWith(":latest");
    }
    // The broker and Flink are the versions the project builds and tests with.
    assertThat(service("kafka").path("image").asString())
        .isEqualTo("apache/kafka:" + Deployment.pomProperty("kafka.version"));
    assertThat(read("Dockerfile"))
        .contains("FROM flink:" + Deployment.pomProperty("flink.version") + "-java17 AS jobs");
    assertThat(service("influxdb").path("image").asString()).matches("influxdb:1\\.12\\.\\d+");
    // What compose builds is tagged with the project's version.
    for (String s : services()) {
      if (service(s).has("build")) {
        assertThat(service(s).path("image").asString())
            .as(s)
            .endsWith(":" + Deployment.projectVersion());
      }
    }
  }

  @Test
  void everyServiceHasAHealthCheck() {
    for (String s : services()) {
      JsonNode check = service(s).path("healthcheck");
      assertThat(check.path("test").isArray() && check.path("test").size() >= 2)
          .as(s + " has a health check test")
          .isTrue();
      assertThat(check.path("disable").asBoolean(false)).as(s).isFalse();
    }
  }

  @Test
  void servicesStartOnceWhatTheyNeedIsHealthy() {
    for (String s : services()) {
      JsonNode needs = service(s).path("depends_on");
      assertThat(needs.isObject() || needs.isMissingNode())
          .as(s + ": depends_on with conditions")
          .isTrue();
      needs
          .properties()
          .forEach(
              need -> {
                String condition = need.getValue().path("condition").asString();
                assertThat(services()).as(s + " needs " + need.getKey()).contains(need.getKey());
                if (condition.equals("service_completed_successfully")) {
                  assertThat(service(need.getKey()).path("restart").asString())
                      .as(need.getKey() + " runs once")
                      .isEqualTo("no");
                } else {
                  assertThat(condition)
                      .as(s + " waits for " + need.getKey())
                      .isEqualTo("service_healthy");
                }
              });
    }
    assertThat(service("ingest").path("depends_on").propertyNames()).contains("kafka-init");
    assertThat(service("jobmanager").path("depends_on").propertyNames())
        .contains("kafka-init", "influxdb");
    assertThat(service("dashboard-api").path("depends_on").propertyNames())
        .contains("kafka-init", "influxdb");
  }

  @Test
  void everyDatumLivesOnANamedVolumeAndFilesAreMountedReadOnly() {
    Map<String, String> dataOf =
        Map.of(
            "kafka", "/var/lib/kafka/data",
            "influxdb", "/var/lib/influxdb",
            "jobmanager", "/flink-data",
            "taskmanager", "/flink-data",
            "grafana", "/var/lib/grafana");
    Set<String> declared = new TreeSet<>(compose().path("volumes").propertyNames());
    Set<String> used = new TreeSet<>();
    for (String s : services()) {
      for (JsonNode v : service(s).path("volumes").values()) {
        String[] parts = v.asString().split(":");
        if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
          assertThat(parts).as(s + ": " + v.asString() + " read-only").hasSize(3);
          assertThat(parts[2]).as(s + ": " + v.asString()).isEqualTo("ro");
          // Grafana's files: checked with its provisioning (grafanaGetsWhatItsProvisioning…).
          if (!parts[0].startsWith("./grafana/")) {
            assertThat(root().resolve(parts[0]).normalize()).as(s + " mounts it").exists();
          }
        } else {
          assertThat(declared).as(s + ": volume " + parts[0] + " declared").contains(parts[0]);
          used.add(parts[0]);
          if (parts[1].equals(dataOf.get(s))) dataOf = without(dataOf, s);
        }
      }
    }
    assertThat(dataOf).as("services whose data is not on a named volume").isEmpty();
    assertThat(used).as("every declared volume used").isEqualTo(declared);
    assertThat(environment(service("jobmanager")).get("PANTAU_CHECKPOINT_DIR"))
        .isEqualTo("file:///flink-data/checkpoints");
  }

  private static Map<String, String> without(Map<String, String> map, String key) {
    Map<String, String> copy = new HashMap<>(map);
    copy.remove(key);
    return copy;
  }

  @Test
  void eachServiceIsGivenExactlyThePantauVariablesItsCodeReads() {
    List<String> problems = new ArrayList<>();
    for (String s : services()) {
      Set<String> given = new TreeSet<>();
      environment(service(s)).keySet().stream()
          .filter(k -> k.startsWith("PANTAU_"))
          .forEach(given::add);
      String module = CODE_OF_SERVICE.get(s);
      Set<String> read = module == null ? Set.of() : variablesReadBy(module);
      Set<String> missing = new TreeSet<>(read);
      missing.removeAll(given);
      Set<String> unread = new TreeSet<>(given);
      unread.removeAll(read);
      if (!missing.isEmpty()) problems.add(s + ": its code reads " + missing + ", unset here");
      if (!unread.isEmpty()) problems.add(s + ": set here, its code does not read " + unread);
    }
    assertThat(problems).as("docker-compose.yml against the code").isEmpty();
    // The scan finds what the configuration classes read, e.g. events' TimeBounds via ingest.
    assertThat(variablesReadBy("ingest"))
        .contains("PANTAU_INGEST_PORT", "PANTAU_MAX_CLOCK_SKEW_MS", "PANTAU_TOKENS_FILE");
    assertThat(variablesReadBy("dashboard-api"))
        .contains("PANTAU_INFLUX_USER", "PANTAU_API_PORT")
        .doesNotContain("PANTAU_MAX_CLOCK_SKEW_MS");
    assertThat(variablesReadBy("jobs")).contains("PANTAU_INFLUX_PASSWORD", "PANTAU_START_FROM");
  }

  @Test
  void aVariableSetForSeveralServicesMeansTheSameInEach() {
    Map<String, Map<String, String>> valueOf = new LinkedHashMap<>();
    for (String s : services()) {
      environment(service(s))
          .forEach(
              (k, v) -> {
                if (k.startsWith("PANTAU_") && !DIFFERENT_PER_SERVICE.contains(k)) {
                  valueOf.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(s, v);
                }
              });
    }
    valueOf.forEach(
        (k, values) ->
            assertThat(new LinkedHashSet<>(values.values())).as(k + " in " + values).hasSize(1));
    // The logins: the jobs as InfluxDB's writer, dashboard-api and Grafana as its reader.
    Map<String, String> influx = environment(service("influxdb"));
    Map<String, String> jobs = environment(service("jobmanager"));
    Map<String, String> api = environment(service("dashboard-api"));
    Map<String, String> grafana = environment(service("grafana"));
    assertThat(jobs.get("PANTAU_INFLUX_USER")).isEqualTo(influx.get("INFLUXDB_USER"));
    assertThat(jobs.get("PANTAU_INFLUX_PASSWORD")).isEqualTo(influx.get("INFLUXDB_USER_PASSWORD"));
    assertThat(api.get("PANTAU_INFLUX_USER")).isEqualTo(influx.get("INFLUXDB_READ_USER"));
    assertThat(api.get("PANTAU_INFLUX_PASSWORD"))
        .isEqualTo(influx.get("INFLUXDB_READ_USER_PASSWORD"));
    assertThat(grafana.get("GRAFANA_INFLUX_USER")).isEqualTo(influx.get("INFLUXDB_READ_USER"));
    assertThat(grafana.get("GRAFANA_INFLUX_PASSWORD"))
        .isEqualTo(influx.get("INFLUXDB_READ_USER_PASSWORD"));
    // Where the services find Kafka and InfluxDB.
    assertThat(jobs.get("PANTAU_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
    assertThat(environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS"))
        .contains("PLAINTEXT://kafka:9092");
    assertThat(jobs.get("PANTAU_INFLUX_URL")).isEqualTo("http://influxdb:8086");
    assertThat(jobs.get("PANTAU_INFLUX_DB")).isEqualTo(influx.get("INFLUXDB_DB"));
  }

  @Test
  void portsAreTheContractsAndWhatTheServicesListenOn() {
    assertThat(publishedPorts("ingest")).containsExactly("8081:8081");
    assertThat(environment(service("ingest")).get("PANTAU_INGEST_PORT")).isEqualTo("8081");
    assertThat(publishedPorts("dashboard-api")).containsExactly("8080:8080");
    assertThat(environment(service("dashboard-api")).get("PANTAU_API_PORT")).isEqualTo("8080");
    assertThat(publishedPorts("grafana")).containsExactly("3000:3000");
    // Flink's web UI on 8082 (8081 is ingest's), the host's loopback only; so are InfluxDB's
    // API and Kafka's listener for tools on the host.
    assertThat(publishedPorts("jobmanager")).containsExactly("127.0.0.1:8082:8081");
    assertThat(publishedPorts("influxdb")).containsExactly("127.0.0.1:8086:8086");
    assertThat(publishedPorts("kafka")).containsExactly("127.0.0.1:9094:9094");
    assertThat(service("ingest").path("healthcheck").path("test").toString())
        .contains("localhost:8081/v1/health");
    assertThat(service("dashboard-api").path("healthcheck").path("test").toString())
        .contains("localhost:8080/api/v1/health");
  }

  private static List<String> publishedPorts(String s) {
    return service(s).path("ports").values().stream().map(JsonNode::asString).toList();
  }

  @Test
  void secretsHaveNoDefaultAnywhere() {
    allInterpolations()
        .forEach(
            (path, found) -> {
              String serviceName = path.startsWith("/services/") ? path.split("/")[2] : "";
              boolean inProfile = !serviceName.isEmpty() && service(serviceName).has("profiles");
              for (Interpolation i : found) {
                if (!SECRET.matcher(i.name()).find()) continue;
                if (inProfile) {
                  assertThat(i.operator() + i.argument())
                      .as(path + ": " + i.name() + " (a profile's service: empty when unset)")
                      .isEqualTo(":-");
                } else {
                  assertThat(i.operator()).as(path + ": " + i.name() + " required").isEqualTo(":?");
                  assertThat(i.argument()).as(path + ": a message for " + i.name()).isNotBlank();
                }
              }
            });
    // A variable a service reads as a secret gets nothing but a secret from .env.
    for (String s : services()) {
      environment(service(s))
          .forEach(
              (k, v) -> {
                if (!SECRET.matcher(k).find()) return;
                List<Interpolation> found = interpolations(v);
                assertThat(found).as(s + ": " + k + " from .env only").hasSize(1);
                assertThat(v).as(s + ": " + k).startsWith("${").endsWith("}");
                assertThat(found.get(0).name()).as(s + ": " + k).containsPattern(SECRET);
              });
    }
    Map<String, String> example = Deployment.envExample();
    example.forEach(
        (k, v) -> {
          if (SECRET.matcher(k).find()) {
            assertThat(v).as(".env.example must not give " + k + " a value").isEmpty();
            assertThat(Deployment.envExampleUncommented()).as(k + " to fill in").contains(k);
          }
        });
  }

  @Test
  void envExampleListsEverySettingOfTheFileAndNothingElse() {
    Set<String> interpolated = new TreeSet<>();
    allInterpolations().values().forEach(l -> l.forEach(i -> interpolated.add(i.name())));
    assertThat(new TreeSet<>(Deployment.envExample().keySet())).isEqualTo(interpolated);
    // A variable's default is the same wherever the file uses it.
    Map<String, Set<String>> defaults = new LinkedHashMap<>();
    allInterpolations()
        .values()
        .forEach(
            l ->
                l.forEach(
                    i -> {
                      if (!i.required()) {
                        defaults.computeIfAbsent(i.name(), x -> new TreeSet<>()).add(i.fallback());
                      }
                    }));
    defaults.forEach((name, values) -> assertThat(values).as(name).hasSize(1));
    // A default .env.example shows is the one compose uses.
    Deployment.envExample()
        .forEach(
            (name, shown) -> {
              if (!shown.isEmpty()
                  && defaults.containsKey(name)
                  && !defaults.get(name).contains("")) {
                assertThat(defaults.get(name)).as(name + " in .env.example").containsExactly(shown);
              }
            });
  }

  @Test
  void theDefaultsEnvExampleShowsAreTheServicesOwn() {
    Map<String, String> example = Deployment.envExample();
    int compared = 0;
    for (Map.Entry<String, String> e : example.entrySet()) {
      if (!e.getKey().startsWith("PANTAU_") || e.getValue().isEmpty()) continue;
      for (Map.Entry<String, Function<Map<String, String>, Object>> m :
          CONFIG_OF_MODULE.entrySet()) {
        if (!variablesReadBy(m.getKey()).contains(e.getKey())) continue;
        Object asShown = m.getValue().apply(Map.of(e.getKey(), e.getValue()));
        Object byDefault = m.getValue().apply(Map.of());
        assertThat(asShown)
            .as(e.getKey() + "=" + e.getValue() + " is " + m.getKey() + "'s default")
            .isEqualTo(byDefault);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(20);
  }

  @Test
  void grafanaGetsWhatItsProvisioningReadsAndItsFilesWhereItLooks() throws IOException {
    Path provisioning = root().resolve("grafana/provisioning");
    assertThat(provisioning).as("grafana/provisioning, mounted by compose").isDirectory();
    Set<String> read = new TreeSet<>();
    Pattern var = Pattern.compile("\\$\\$|\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    String dashboardsPath = null;
    try (Stream<Path> files = Files.walk(provisioning)) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml")).toList()) {
        for (String value : Deployment.stringValues(f)) {
          Matcher m = var.matcher(value);
          while (m.find()) if (m.group(1) != null) read.add(m.group(1));
        }
        JsonNode doc = Deployment.YAML.readTree(Files.readString(f));
        for (JsonNode p : doc.path("providers").values()) {
          dashboardsPath = p.path("options").path("path").asString();
        }
      }
    }
    Map<String, String> env = environment(service("grafana"));
    Set<String> given = new TreeSet<>(env.keySet());
    given.removeIf(k -> k.startsWith("GF_"));
    assertThat(given).as("Grafana: what compose sets for its provisioning").isEqualTo(read);
    List<String> mounts =
        service("grafana").path("volumes").values().stream().map(JsonNode::asString).toList();
    assertThat(mounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
    assertThat(dashboardsPath).as("the dashboard provider's path").isNotNull();
    assertThat(mounts).contains("./grafana/dashboards:" + dashboardsPath + ":ro");
    assertThat(root().resolve("grafana/dashboards")).isDirectory();
    String datasources = read("grafana/provisioning/datasources/pantau-influxdb.yaml");
    assertThat(datasources)
        .contains("url: " + environment(service("jobmanager")).get("PANTAU_INFLUX_URL"))
        .contains("dbName: " + environment(service("influxdb")).get("INFLUXDB_DB"));
  }

  @Test
  void kafkaInitMakesExactlyTheTopicsOfTheContract() {
    String script = read("deploy/compose/kafka-topics.sh");
    assertThat(words(script, "TOPICS")).containsExactlyElementsOf(Topics.ALL);
    assertThat(words(script, "COMPACTED")).containsExactlyElementsOf(Topics.COMPACTED);
    assertThat(words(script, "RETAINED"))
        .containsExactlyInAnyOrderElementsOf(
            Topics.RETENTION_MS.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList());
    assertThat(environment(service("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
        .isEqualTo("false");
    assertThat(service("kafka-init").path("command").toString()).contains("kafka-topics.sh");
  }

  private static List<String> words(String script, String variable) {
    Matcher m = Pattern.compile("(?m)^" + variable + "=\"([^\"]*)\"").matcher(script);
    if (!m.find()) fail(variable + " not in deploy/compose/kafka-topics.sh");
    return List.of(m.group(1).trim().split("\\s+"));
  }

  @Test
  void influxdbFirstStartMakesThePoliciesTheJobsExpect() {
    Map<String, String> influx = environment(service("influxdb"));
    assertThat(influx.get("INFLUXDB_DB")).isEqualTo(Retention.DATABASE);
    assertThat(influx.get("INFLUXDB_HTTP_AUTH_ENABLED")).isEqualTo("true");
    assertThat(service("influxdb").path("volumes").toString())
        .contains("./deploy/compose/influxdb-init:/docker-entrypoint-initdb.d:ro");
    String iql = read("deploy/compose/influxdb-init/pantau-retention.iql").strip();
    assertThat(iql.split(";\\s*")).containsExactlyElementsOf(Retention.statements("pantau"));
  }

  @Test
  void flinkPropertiesAreFlinkOptionsWithValidValues() throws Exception {
    String jm = environment(service("jobmanager")).get("FLINK_PROPERTIES");
    String tm = environment(service("taskmanager")).get("FLINK_PROPERTIES");
    assertThat(tm).as("TaskManagers and the JobManager share one configuration").isEqualTo(jm);
    Map<String, ConfigOption<?>> options = flinkOptions();
    Map<String, String> properties = new LinkedHashMap<>();
    for (String line : withDefaults(jm).split("\n")) {
      // As the image reads FLINK_PROPERTIES: whitespace removed, then key:value.
      String prop = line.replaceAll("\\s", "");
      if (prop.isEmpty()) continue;
      int colon = prop.indexOf(':');
      properties.put(prop.substring(0, colon), prop.substring(colon + 1));
    }
    Configuration conf = Configuration.fromMap(properties);
    for (Map.Entry<String, String> p : properties.entrySet()) {
      ConfigOption<?> option = options.get(p.getKey());
      assertThat(option).as(p.getKey() + ": an option of Flink " + flinkVersion()).isNotNull();
      Object value = conf.get(option);
      assertThat(value).as(p.getKey() + "=" + p.getValue()).isNotNull();
    }
    assertThat(properties)
        .containsEntry("scheduler-mode", "reactive")
        .containsEntry("execution.checkpointing.dir", "file:///flink-data/checkpoints")
        .containsKey("execution.checkpointing.savepoint-dir");
    assertThat(properties.get("execution.checkpointing.dir"))
        .isEqualTo(environment(service("jobmanager")).get("PANTAU_CHECKPOINT_DIR"));
  }

  private static String flinkVersion() {
    return Deployment.pomProperty("flink.version");
  }

  /** Every option (by its current key) of Flink's configuration classes on this class path. */
  private static Map<String, ConfigOption<?>> flinkOptions() {
    Map<String, ConfigOption<?>> byKey = new HashMap<>();
    for (String name :
        List.of(
            "JobManagerOptions",
            "TaskManagerOptions",
            "CheckpointingOptions",
            "StateRecoveryOptions",
            "WebOptions",
            "RestOptions",
            "CoreOptions",
            "PipelineOptions",
            "RestartStrategyOptions",
            "HighAvailabilityOptions",
            "StateBackendOptions")) {
      Class<?> c;
      try {
        c = Class.forName("org.apache.flink.configuration." + name);
      } catch (ClassNotFoundException e) {
        continue;
      }
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers())
            && ConfigOption.class.isAssignableFrom(f.getType())) {
          try {
            ConfigOption<?> o = (ConfigOption<?>) f.get(null);
            byKey.put(o.key(), o);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    assertThat(byKey).hasSizeGreaterThan(100);
    return byKey;
  }

  /** Runs deploy/compose/jobmanager.sh over a data directory; Flink's entry point only echoes. */
  private static String jobManagerStarts(Path data, String restoreFrom) throws Exception {
    Path entrypoint =
        Files.writeString(data.resolve("entrypoint.sh"), "#!/bin/bash\necho \"$@\"\n");
    Files.setPosixFilePermissions(entrypoint, PosixFilePermissions.fromString("rwx------"));
    ProcessBuilder pb =
        new ProcessBuilder("bash", root().resolve("deploy/compose/jobmanager.sh").toString())
            .redirectErrorStream(true);
    pb.environment().put("FLINK_DATA", data.toString());
    pb.environment().put("FLINK_ENTRYPOINT", entrypoint.toString());
    if (restoreFrom != null) pb.environment().put("FLINK_RESTORE_FROM", restoreFrom);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().reduce((a, b) -> b).orElse("");
  }

  @Test
  void aNewJobManagerResumesFromTheNewestStateOnTheVolume(@TempDir Path data) throws Exception {
    String start = "standalone-job --job-classname " + Deployment.shadedMainClass("jobs");
    assertThat(jobManagerStarts(data, null)).as("nothing saved yet").isEqualTo(start);
    Path older = Files.createDirectories(data.resolve("checkpoints/aaaa/chk-7"));
    Files.writeString(older.resolve("_metadata"), "x");
    Files.setLastModifiedTime(
        older.resolve("_metadata"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Path newer = Files.createDirectories(data.resolve("savepoints/savepoint-bbbb"));
    Files.writeString(newer.resolve("_metadata"), "x");
    Files.createDirectories(data.resolve("checkpoints/cccc/chk-9")); // unfinished: no _metadata
    assertThat(jobManagerStarts(data, null)).isEqualTo(start + " --fromSavepoint file://" + newer);
    assertThat(jobManagerStarts(data, "none")).isEqualTo(start);
    assertThat(jobManagerStarts(data, "file:///flink-data/savepoints/x"))
        .isEqualTo(start + " --fromSavepoint file:///flink-data/savepoints/x");
  }

  @Test
  void theDockerfileCopiesTheJarsTheBuildMakesAndComposeRunsThem() throws Exception {
    String dockerfile = read("Dockerfile");
    Matcher build = Pattern.compile("mvn [^\\n]*-pl ([a-z,-]+)").matcher(dockerfile);
    assertThat(build.find()).as("the Dockerfile's Maven build").isTrue();
    List<String> built = List.of(build.group(1).split(","));
    Matcher copy =
        Pattern.compile("COPY --from=build (?:--chown=\\S+ )?/src/([a-z-]+)/target/(\\S+) (\\S+)")
            .matcher(dockerfile);
    Map<String, String> copied = new LinkedHashMap<>();
    while (copy.find()) {
      String module = copy.group(1);
      assertThat(built).as("the build makes " + module).contains(module);
      assertThat(copy.group(2))
          .as(module + "'s runnable jar")
          .isEqualTo(Deployment.shadedJar(module));
      copied.put(module, copy.group(3));
    }
    assertThat(copied).containsOnlyKeys("ingest", "dashboard-api", "jobs", "sim");
    for (String module : List.of("ingest", "dashboard-api", "sim")) {
      assertThat(dockerfile).contains("\"-jar\", \"" + copied.get(module) + "\"");
      Class.forName(Deployment.shadedMainClass(module)).getMethod("main", String[].class);
    }
    assertThat(copied.get("jobs")).startsWith("/opt/flink/usrlib/");
    assertThat(service("jobmanager").path("command").toString()).contains("jobmanager.sh");
    assertThat(service("jobmanager").path("volumes").toString())
        .contains("./deploy/compose/jobmanager.sh:/opt/pantau/jobmanager.sh:ro");
    assertThat(read("deploy/compose/jobmanager.sh"))
        .contains("standalone-job --job-classname " + Deployment.shadedMainClass("jobs") + ")");
    // Each service builds a stage of the Dockerfile.
    for (String s : services()) {
      JsonNode target = service(s).path("build").path("target");
      if (target.isMissingNode()) continue;
      assertThat(dockerfile).as(s).containsPattern("(?m)^FROM \\S+ AS " + target.asString() + "$");
      assertThat(service(s).path("build").path("context").asString()).isEqualTo(".");
    }
    assertThat(service("taskmanager").path("build")).isEqualTo(service("jobmanager").path("build"));
    assertThat(service("taskmanager").path("image")).isEqualTo(service("jobmanager").path("image"));
  }
}

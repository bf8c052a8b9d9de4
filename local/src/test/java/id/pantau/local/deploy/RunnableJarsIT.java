package id.pantau.local.deploy;

import static id.pantau.local.deploy.Deployment.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars the Dockerfile copies into the images, as `mvn package` made them (Failsafe runs this
 * after every module is packaged): where the Dockerfile looks, with the Main-Class the images run,
 * and starting with `java -jar` as the images do.
 */
class RunnableJarsIT {
  @TempDir Path dir;

  private static Path jar(String module) {
    Path jar = root().resolve(module).resolve("target").resolve(Deployment.shadedJar(module));
    assertThat(jar).as("made by mvn package (the Dockerfile copies it)").isRegularFile();
    return jar;
  }

  private static String mainClass(Path jar) throws IOException {
    try (JarFile f = new JarFile(jar.toFile())) {
      String main = f.getManifest().getMainAttributes().getValue("Main-Class");
      assertThat(f.getEntry(main.replace('.', '/') + ".class"))
          .as(jar + " holds " + main)
          .isNotNull();
      return main;
    }
  }

  @Test
  void everyJarTheDockerfileCopiesIsThereWithItsMainClass() throws IOException {
    for (String module : List.of("ingest", "dashboard-api", "jobs", "sim")) {
      assertThat(mainClass(jar(module))).as(module).isEqualTo(Deployment.shadedMainClass(module));
    }
  }

  /** Runs `java -jar` with the environment; returns the exit code and what it printed. */
  private Result run(Path jar, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PANTAU_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly().waitFor();
    assertThat(ended).as(String.join(" ", command) + " ended").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String output) {}

  @Test
  void theServicesStartFromTheirJarAndReadTheEnvironment() throws Exception {
    // A setting they refuse ends them at once, naming it: no Kafka or InfluxDB needed for that.
    Result ingest = run(jar("ingest"), Map.of("PANTAU_INGEST_PORT", "http"));
    assertThat(ingest.exit()).isNotZero();
    assertThat(ingest.output()).contains("PANTAU_INGEST_PORT").doesNotContain("ClassNotFound");
    Result api = run(jar("dashboard-api"), Map.of("PANTAU_API_PORT", "http"));
    assertThat(api.exit()).isEqualTo(2);
    assertThat(api.output()).contains("PANTAU_API_PORT: must be a port number");
    Result login = run(jar("dashboard-api"), Map.of("PANTAU_INFLUX_USER", "reader"));
    assertThat(login.exit()).isNotZero();
    assertThat(login.output()).contains("PANTAU_INFLUX_PASSWORD");
  }

  @Test
  void theSimulatedCityRunsFromItsJar() throws Exception {
    Result units =
        run(jar("sim"), Map.of("PANTAU_SIM_UNITS", "6", "PANTAU_SIM_STAFF", "60"), "units");
    assertThat(units.exit()).as(units.output()).isZero();
    assertThat(units.output().lines().filter(l -> l.startsWith("{"))).hasSize(6);
  }
}

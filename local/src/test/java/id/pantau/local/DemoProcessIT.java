package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.events.Json;
import id.pantau.infra.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./pantau demo` as the launcher runs it: its main in a JVM of its own, from the class path and
 * JVM flags the launcher uses, with the user's own tokens file. The simulated city posts with the
 * demo's token beside the user's; SIGTERM stops the demo and every process it started, and frees
 * every port it printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoProcessIT {
  private static final Duration START = Duration.ofMinutes(4);
  private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  @TempDir static Path dir;
  static Process demo;
  static Path out;
  static String mine;

  @BeforeAll
  static void start() throws Exception {
    mine = TokenStore.newToken();
    Path users = dir.resolve("my-tokens.json");
    Files.writeString(
        users,
        Json.text(List.of(TokenStore.entry("me", mine, Role.BKD_ADMIN, List.of(), List.of()))));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(Files.readString(Path.of("target/jvm.flags")).trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            "target/classes:" + Files.readString(Path.of("target/classpath.txt")).strip(),
            "id.pantau.local.Demo",
            "--data-dir",
            dir.resolve("data").toString()));
    out = dir.resolve("demo.out");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    pb.environment().put("PANTAU_TOKENS_FILE", users.toString());
    demo = pb.start();
    boolean up =
        Poll.until(START, () -> !demo.isAlive() || output().contains("=== Pantau is running"));
    assertThat(up && demo.isAlive()).as("the demo started:%n%s", output()).isTrue();
  }

  @AfterAll
  static void stop() {
    if (demo != null && demo.isAlive()) demo.destroyForcibly();
  }

  @Test
  @Order(1)
  void theSimulatedCityPostsBesideTheUsersOwnTokensFile() throws Exception {
    String api = url("live board / API");
    HttpClient http = HttpClient.newHttpClient();
    // The city's units reach the board through ingest (PUT as the simulator), Kafka and the jobs.
    boolean shown =
        Poll.until(
            START,
            () -> {
              try {
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(URI.create(api + "/api/v1/occupancy"))
                            .header("Authorization", "Bearer " + mine)
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode rows = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
                return rows != null && rows.path("units").size() > 0;
              } catch (IOException e) {
                return false;
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(shown)
        .as("the city's units on the board, read with my token:%n%s", output())
        .isTrue();
    assertThat(output()).doesNotContain("(check the ingest token given to the sim)");
  }

  @Test
  @Order(2)
  void sigtermStopsEveryProcessTheDemoStartedAndFreesItsPorts() throws Exception {
    Set<Integer> ports = printedPorts();
    List<ProcessHandle> started = demo.toHandle().descendants().toList();
    assertThat(started)
        .as("the demo's child processes (Kafka, influxd)")
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(ports).as("the ports it printed").hasSizeGreaterThanOrEqualTo(5);

    long stopping = System.nanoTime();
    demo.destroy(); // SIGTERM
    assertThat(Poll.until(Duration.ofMinutes(1), () -> !demo.isAlive()))
        .as("the demo ends within a minute of SIGTERM:%n%s", output())
        .isTrue();
    double seconds = (System.nanoTime() - stopping) / 1e9;
    boolean childrenGone =
        Poll.until(
            Duration.ofSeconds(30), () -> started.stream().noneMatch(ProcessHandle::isAlive));
    System.err.printf(
        Locale.ROOT,
        "DemoProcessIT: stopped %.1f s after SIGTERM, with %d child processes, ports %s%n",
        seconds,
        started.size(),
        ports);

    assertThat(childrenGone)
        .as(
            "every process the demo started is gone: alive %s",
            started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
        .isTrue();
    assertThat(ports.stream().filter(p -> !free(p)).collect(Collectors.toList()))
        .as("ports still taken after the demo stopped")
        .isEmpty();
  }

  private static String output() {
    try {
      return Files.readString(out);
    } catch (IOException e) {
      return "";
    }
  }

  /** The URL of a line of the welcome, e.g. "live board / API http://127.0.0.1:8080/ …". */
  private static String url(String label) {
    for (String line : output().split("\n")) {
      if (line.strip().startsWith(label)) {
        Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(line);
        if (m.find()) return m.group(1);
      }
    }
    throw new AssertionError("no line '" + label + "' in the demo's welcome:\n" + output());
  }

  /** Every loopback port the welcome names: ingest, the API, Flink's UI, Kafka, influxd. */
  private static Set<Integer> printedPorts() {
    String welcome = output().substring(output().indexOf("=== Pantau is running"));
    Set<Integer> ports = new TreeSet<>();
    for (String line : welcome.split("\n")) {
      if (line.contains("#token=") || line.contains("curl")) continue;
      Matcher m = PORT.matcher(line);
      while (m.find()) ports.add(Integer.parseInt(m.group(1)));
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

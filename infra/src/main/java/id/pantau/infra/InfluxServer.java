package id.pantau.infra;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** InfluxDB 1.x ({@code influxd} of the Debian package) as a child process on 127.0.0.1. */
public final class InfluxServer extends LoopbackServer {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  /** The admin of {@link #startAsDeployed}, as the compose deployment names it by default. */
  public static final String ADMIN = "admin";

  public static final String ADMIN_PASSWORD = "admin-pw";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path config;

  private InfluxServer(int port, Path config, ChildProcess process) {
    super(process, port);
    this.config = config;
  }

  public static InfluxServer start(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find());
  }

  public static InfluxServer start(Path dataDir, int httpPort) throws IOException {
    return start(dataDir, httpPort, false);
  }

  /**
   * With authentication on, as a deployment runs it: the first statement must create an admin
   * ({@code CREATE USER … WITH ALL PRIVILEGES}, the one statement influxd takes without a login),
   * every later one logs in ({@link #execute(String, String, String)}).
   */
  public static InfluxServer startWithAuth(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find(), true);
  }

  /**
   * With authentication on, as the compose deployment's first start leaves it: the admin ({@link
   * #ADMIN}, {@link #ADMIN_PASSWORD}) and the database; the services' logins are added with {@link
   * #createUser}.
   */
  public static InfluxServer startAsDeployed(Path dataDir, String database) throws IOException {
    InfluxServer server = startWithAuth(dataDir);
    try {
      server.createAdmin(ADMIN, ADMIN_PASSWORD);
      server.execute("CREATE DATABASE \"" + database + "\"", ADMIN, ADMIN_PASSWORD);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static InfluxServer start(Path dataDir, int httpPort, boolean auth) throws IOException {
    String influxd = findInfluxd();
    FreePort.requireFree(httpPort, "influxd");
    Path dir = Files.createDirectories(dataDir).toAbsolutePath();
    Path config = dir.resolve("influxd.conf");
    Files.writeString(config, config(dir, httpPort, FreePort.find(), auth));
    Path log = dir.resolve("influxd.log");
    ChildProcess.truncate(log);
    long started = ChildProcess.starting("influxd", httpPort, log);
    ChildProcess process = launch(influxd, config, log);
    InfluxServer server = new InfluxServer(httpPort, config, process);
    server.awaitReady();
    ChildProcess.ready("influxd", server.url(), started, process, dir);
    return server;
  }

  private static ChildProcess launch(String influxd, Path config, Path log) throws IOException {
    // INFLUXDB_* variables override the config file in 1.x: the file alone must decide.
    return ChildProcess.start(
        "influxd",
        List.of(influxd, "-config", config.toString()),
        log,
        name -> name.startsWith("INFLUXDB_"));
  }

  /**
   * Starts influxd again after {@link #stop()} or {@link #kill()}, on the same port, configuration
   * and data directory (an outage's end); returns once it answers.
   */
  public synchronized void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("influxd (pid " + process.pid() + ") still runs");
    }
    FreePort.requireFree(port, "influxd");
    process = launch(findInfluxd(), config, process.log());
    awaitReady();
    System.err.printf("influxd restarted on %s (pid %d)%n", url(), process.pid());
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public void createDatabase(String name) {
    execute(
        "CREATE DATABASE \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", null, null);
  }

  /** The first user of an influxd with auth: an admin (no credentials are needed before it). */
  public void createAdmin(String user, String password) {
    execute(
        "CREATE USER \"" + user + "\" WITH PASSWORD '" + password + "' WITH ALL PRIVILEGES",
        null,
        null);
  }

  /** A user with {@code privilege} (READ, WRITE or ALL) on one database, made by an admin. */
  public void createUser(
      String user,
      String password,
      String privilege,
      String database,
      String admin,
      String adminPassword) {
    execute("CREATE USER \"" + user + "\" WITH PASSWORD '" + password + "'", admin, adminPassword);
    execute(
        "GRANT " + privilege + " ON \"" + database + "\" TO \"" + user + "\"",
        admin,
        adminPassword);
  }

  /**
   * Runs InfluxQL (statements separated by ';') as the user, or without a login when user is null;
   * throws when influxd refuses any of it.
   */
  public void execute(String statement, String user, String password) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + "/query"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)));
    if (user != null) {
      String login = user + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(statement + " on " + url() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(statement + " interrupted", e);
    }
    // influxd answers 200 even for a failed statement, with "error" in the body.
    if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
      throw new IllegalStateException(
          statement + " on " + url() + " failed: " + response.statusCode() + " " + response.body());
    }
  }

  private void awaitReady() {
    process.awaitReady(
        "influxd on 127.0.0.1:" + port,
        READY_TIMEOUT,
        this::pings,
        "read that log; if the port is taken, start on another port (or FreePort.find()).");
  }

  private boolean pings() {
    try {
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(url() + "/ping"))
              .timeout(Duration.ofSeconds(1))
              .build();
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for influxd", e);
    }
  }

  static String findInfluxd() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "influxd"))) {
        return Path.of(dir, "influxd").toString();
      }
    }
    if (Files.isExecutable(Path.of("/usr/bin/influxd"))) {
      return "/usr/bin/influxd";
    }
    throw new IllegalStateException(
        "influxd not found: install it with `sudo apt-get install -y influxdb` (Debian package"
            + " influxdb 1.6.x) or run ./pantau test, which installs it");
  }

  /** A TOML basic string: a data directory may contain quotes or backslashes. */
  private static String toml(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Every listener but HTTP off or on loopback, so several instances and a system one coexist. */
  private static String config(Path dir, int httpPort, int rpcPort, boolean auth) {
    return String.join(
        "\n",
        "# Written by id.pantau.infra.InfluxServer on every start.",
        "reporting-disabled = true",
        "bind-address = \"127.0.0.1:" + rpcPort + "\"",
        "[meta]",
        "  dir = " + toml(dir.resolve("meta")),
        "  logging-enabled = false",
        "[data]",
        "  dir = " + toml(dir.resolve("data")),
        "  wal-dir = " + toml(dir.resolve("wal")),
        "  query-log-enabled = false",
        "  trace-logging-enabled = false",
        "[monitor]",
        "  store-enabled = false",
        "[subscriber]",
        "  enabled = false",
        "[continuous_queries]",
        "  log-enabled = false",
        "[http]",
        "  enabled = true",
        "  bind-address = \"127.0.0.1:" + httpPort + "\"",
        "  auth-enabled = " + auth,
        "  log-enabled = false",
        "[logging]",
        "  level = \"warn\"",
        "  suppress-logo = true",
        "");
  }
}

package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.infra.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The REST API of a {@link FlinkCluster}'s JobManager: jars uploaded and run, jobs and TaskManagers
 * read and awaited. A failure names the job's root exception and the JobManager's last log lines
 * ({@code diagnostics}).
 */
final class FlinkRestClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

  private final String url;
  private final Supplier<String> diagnostics;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  FlinkRestClient(String url, Supplier<String> diagnostics) {
    this.url = url;
    this.diagnostics = diagnostics;
  }

  String url() {
    return url;
  }

  /** The resource ids of the TaskManagers the JobManager lists now. */
  Set<String> registered() {
    JsonNode tms = getOrNull("/taskmanagers");
    if (tms == null) return Set.of();
    Set<String> ids = new TreeSet<>();
    tms.path("taskmanagers").forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  /** POST /jars/upload: the jar's id on the cluster, for {@link #run}. */
  String uploadJar(Path jar) throws IOException, InterruptedException {
    String boundary = "pantau-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(jar));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(url + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            "POST /jars/upload " + jar);
    String file = answer.path("filename").asText();
    if (!"success".equals(answer.path("status").asText()) || file.isEmpty()) {
      throw new IllegalStateException("POST /jars/upload " + jar + ": " + answer);
    }
    return Path.of(file).getFileName().toString();
  }

  /** POST /jars/{id}/run: returns the id of the job the jar's main submitted. */
  String run(String jarId) throws IOException, InterruptedException {
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(url + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")),
            "POST /jars/" + jarId + "/run");
    String job = answer.path("jobid").asText();
    if (job.isEmpty()) throw new IllegalStateException("POST /jars/" + jarId + "/run: " + answer);
    return job;
  }

  /** The ids of the jobs that run now (GET /jobs). */
  java.util.List<String> runningJobs() throws IOException, InterruptedException {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode j : get("/jobs").path("jobs")) {
      if ("RUNNING".equals(j.path("status").asText())) ids.add(j.path("id").asText());
    }
    return ids;
  }

  /**
   * A savepoint of the running job under {@code targetDir} (a file: URI or path), taken through
   * POST /jobs/{id}/savepoints, or with the job stopped after it when {@code stop} (POST
   * /jobs/{id}/stop, without draining: its timers wait in the savepoint). Returns its location once
   * Flink says it completed; a failure names Flink's cause.
   */
  String savepoint(String job, String targetDir, boolean stop, Duration timeout)
      throws IOException, InterruptedException {
    String body =
        Json.MAPPER.writeValueAsString(
            stop
                ? java.util.Map.of("targetDirectory", targetDir, "drain", false)
                : java.util.Map.of("target-directory", targetDir, "cancel-job", false));
    String path = "/jobs/" + job + (stop ? "/stop" : "/savepoints");
    JsonNode trigger =
        send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            "POST " + path);
    String request = trigger.path("request-id").asText();
    String status = "/jobs/" + job + "/savepoints/" + request;
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    boolean done =
        Poll.until(
            timeout,
            () -> {
              seen.set(getOrNull(status));
              return seen.get() != null
                  && "COMPLETED".equals(seen.get().path("status").path("id").asText());
            });
    if (!done) {
      throw new IllegalStateException(
          "job " + job + ": the savepoint did not complete in " + timeout.toSeconds() + " s");
    }
    JsonNode operation = seen.get().path("operation");
    if (operation.hasNonNull("failure-cause")) {
      String cause = operation.path("failure-cause").path("stack-trace").asText();
      int cut = cause.indexOf("\n\tat ");
      throw new IllegalStateException(
          "job " + job + ": the savepoint failed: " + (cut > 0 ? cause.substring(0, cut) : cause));
    }
    return operation.path("location").asText();
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), "GET " + path);
  }

  /** See {@link FlinkCluster#await}. */
  JsonNode await(String job, String path, Duration timeout, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    AtomicReference<String> ended = new AtomicReference<>();
    boolean held =
        Poll.until(
            timeout,
            () -> {
              JsonNode state = getOrNull("/jobs/" + job);
              JsonNode answer = path.equals("/jobs/" + job) ? state : getOrNull(path);
              seen.set(answer);
              if (answer != null && condition.test(answer)) return true;
              String s = state == null ? "" : state.path("state").asText();
              if (!ENDED.contains(s)) return false;
              ended.set(s);
              return true;
            });
    if (ended.get() != null) {
      throw new IllegalStateException(
          "job "
              + job
              + " is "
              + ended.get()
              + " before GET "
              + path
              + " answered as awaited (last answer: "
              + seen.get()
              + ")"
              + ("FINISHED".equals(ended.get()) ? "" : ": " + rootException(job))
              + diagnostics.get());
    }
    if (!held) {
      throw new IllegalStateException(
          "job "
              + job
              + ": GET "
              + path
              + " did not answer as awaited in "
              + timeout.toSeconds()
              + " s; last answer: "
              + seen.get()
              + diagnostics.get());
    }
    return seen.get();
  }

  boolean answers(String path, Predicate<JsonNode> condition) {
    JsonNode answer = getOrNull(path);
    return answer != null && condition.test(answer);
  }

  private String rootException(String job) {
    JsonNode ex = getOrNull("/jobs/" + job + "/exceptions");
    if (ex == null) return "(no exception reported)";
    String root = ex.path("exceptionHistory").path("entries").path(0).path("stacktrace").asText();
    if (root.isEmpty()) root = ex.path("root-exception").asText();
    int cut = root.indexOf("\n\tat ");
    return cut > 0 ? root.substring(0, cut) : root;
  }

  /** GET as JSON, or null while the REST API does not answer 200 (starting, or not there). */
  private JsonNode getOrNull(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url + path))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private JsonNode send(HttpRequest.Builder request, String what)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }
}

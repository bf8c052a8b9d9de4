package id.pantau.sim;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.DeviceSignature;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.events.ZoneLevel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's one way to talk to ingest over HTTP, used by {@link LiveSimulator} and {@link
 * DaySender}: the bearer token on every request, JSON bodies ({@code application/json}) and event
 * lines ({@code application/x-ndjson}), lists in requests of at most {@link #MAX_LINES} (a request
 * ingest finds too large, 413, is halved), and retries while ingest says "not now": connection
 * failures, 408, 429, 502, 503 and 504, with a backoff from 250 ms to 5 s that honours Retry-After
 * (up to 10 s), logging the outage ({@link IngestOutage}). Given a device's key, it signs each
 * event post as that device ({@link DeviceSignature}), every attempt afresh: ingest refuses a
 * signature it has seen, so a retry with the first attempt's signature would be a replay.
 *
 * <p>One caller thread at a time.
 */
final class IngestClient {
  /** The most NDJSON lines, or roster rows, in one POST. */
  static final int MAX_LINES = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(IngestClient.class);
  private static final long FIRST_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final long MAX_RETRY_AFTER_MS = 10_000;
  private static final int MAX_BODY_SHOWN = 300;
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final String base;
  private final String authorization;
  private final DeviceKey device;
  private final BooleanSupplier keepTrying;
  private final long patienceMs;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicLong retries = new AtomicLong();
  private final Set<String> reported = new HashSet<>();
  private final IngestOutage outage;

  /** What ingest answered. */
  record Answer(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
      try {
        return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** "what answered 400: body" (the body cut at 300 characters), for a log line or a report. */
    String describe(String what) {
      String b = body == null ? "" : body.strip();
      if (b.length() > MAX_BODY_SHOWN) b = b.substring(0, MAX_BODY_SHOWN) + "…";
      String hint =
          status == 401 || status == 403 ? " (check the ingest token given to the sim)" : "";
      return what + " answered " + status + hint + ": " + b;
    }
  }

  /** A registered device's ID and the secret ingest gave it: event posts are signed as it. */
  record DeviceKey(String deviceId, String secret) {
    byte[] key() {
      return DeviceSignature.key(secret);
    }
  }

  IngestClient(
      URI ingestBaseUrl, String bearerTokenOrNull, BooleanSupplier keepTrying, Duration patience) {
    this(ingestBaseUrl, bearerTokenOrNull, null, keepTrying, patience);
  }

  /**
   * @param ingestBaseUrl e.g. http://127.0.0.1:8081 (the /v1/... paths are appended)
   * @param bearerTokenOrNull sent as "Authorization: Bearer …" when not null or blank
   * @param keepTrying asked before every attempt: once false, nothing more is sent and requests
   *     return null
   * @param patience how long one request is retried before the client gives up: it returns ingest's
   *     last answer (a 503, say), or throws when ingest did not answer at all; null for as long as
   *     {@code keepTrying} holds
   * @param deviceOrNull the device event posts are signed as (by the wall clock), or null
   */
  IngestClient(
      URI ingestBaseUrl,
      String bearerTokenOrNull,
      DeviceKey deviceOrNull,
      BooleanSupplier keepTrying,
      Duration patience) {
    String b = ingestBaseUrl.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.authorization =
        bearerTokenOrNull == null || bearerTokenOrNull.isBlank()
            ? null
            : "Bearer " + bearerTokenOrNull.trim();
    this.device = deviceOrNull;
    this.keepTrying = keepTrying;
    this.patienceMs = patience == null ? Long.MAX_VALUE : patience.toMillis();
    this.outage = new IngestOutage(base);
  }

  /** Requests repeated because ingest was unreachable or busy. */
  long retries() {
    return retries.get();
  }

  /**
   * PUTs a unit (PUT /v1/units/{unitId}); null, as every request, once {@code keepTrying} is false.
   */
  Answer putUnit(CityUnit unit) throws IOException, InterruptedException {
    return putJson("/v1/units/" + unit.unitId(), unit.toUnit());
  }

  /** PUTs a region's name, time zone and boundary (PUT /v1/regions/{region}). */
  Answer putRegion(CityRegion region) throws IOException, InterruptedException {
    return putJson("/v1/regions/" + region.id(), region.referenceData());
  }

  /** PUTs a region's zone level from a moment on (PUT /v1/zones/{region}). */
  Answer putZone(String regionId, ZoneLevel level, ZonedDateTime effectiveFrom)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("level", level.name());
    body.put("effectiveFrom", effectiveFrom.format(WIRE_TIME));
    return putJson("/v1/zones/" + regionId, body);
  }

  /** PUTs {@code body} as JSON. */
  private Answer putJson(String path, Object body) throws IOException, InterruptedException {
    return exchange("PUT", path, "application/json", Json.bytes(body));
  }

  /** POSTs one JSON document as it is (an event on its own, well-formed or not). */
  Answer postJson(String path, String json) throws IOException, InterruptedException {
    return exchange("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * POSTs roster rows to /v1/rosters as JSON arrays, in chunks a request can hold (ingest takes
   * each all or nothing), telling {@code each} what ingest answered to each chunk.
   *
   * @return false when it stopped before the end ({@code keepTrying} turned false)
   */
  boolean postRosters(List<RosterEntry> rows, BiConsumer<List<RosterEntry>, Answer> each)
      throws IOException, InterruptedException {
    return postInChunks(new Upload<>("/v1/rosters", "application/json", Json::text, each), rows);
  }

  /**
   * POSTs records to /v1/events as NDJSON, one line each, in chunks of at most {@link #MAX_LINES},
   * telling {@code each} what ingest answered to each chunk (its "line" numbers count from the
   * chunk's first record).
   *
   * @return false when it stopped before the end ({@code keepTrying} turned false)
   */
  <T> boolean postEvents(
      List<T> records, Function<T, String> line, BiConsumer<List<T>, Answer> each)
      throws IOException, InterruptedException {
    Function<List<T>, String> ndjson =
        chunk -> {
          StringBuilder sb = new StringBuilder(chunk.size() * 320);
          for (T r : chunk) sb.append(line.apply(r)).append('\n');
          return sb.toString();
        };
    return postInChunks(new Upload<>("/v1/events", "application/x-ndjson", ndjson, each), records);
  }

  /** Logs a refusal once per (request, status): it points at a bug or a missing endpoint. */
  void reportOnce(String what, Answer answer, String consequence) {
    if (!reported.add(what + " " + answer.status())) return;
    LOG.warn("{} — {} (logged once)", answer.describe(what), consequence);
  }

  /** Where a list goes, as what, how a chunk of it is written, and who hears each answer. */
  private record Upload<T>(
      String path, String type, Function<List<T>, String> body, BiConsumer<List<T>, Answer> each) {}

  private <T> boolean postInChunks(Upload<T> upload, List<T> items)
      throws IOException, InterruptedException {
    for (int from = 0; from < items.size(); from += MAX_LINES) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + MAX_LINES));
      if (!postChunk(upload, chunk)) return false;
    }
    return true;
  }

  private <T> boolean postChunk(Upload<T> upload, List<T> chunk)
      throws IOException, InterruptedException {
    byte[] bytes = upload.body().apply(chunk).getBytes(StandardCharsets.UTF_8);
    Answer a = exchange("POST", upload.path(), upload.type(), bytes);
    if (a == null) return false;
    if (a.status() == 413 && chunk.size() > 1) {
      int half = chunk.size() / 2;
      return postChunk(upload, chunk.subList(0, half))
          && postChunk(upload, chunk.subList(half, chunk.size()));
    }
    upload.each().accept(chunk, a);
    return true;
  }

  /**
   * Sends until ingest answers something other than "not now", or the patience runs out. Null once
   * {@code keepTrying} is false.
   *
   * @throws IOException when the patience ran out without an answer (connection failures only)
   */
  private Answer exchange(String method, String path, String type, byte[] body)
      throws IOException, InterruptedException {
    String what = method + " " + path;
    long[] signedAt = {0}; // a retry is signed at a later second than the attempt before
    long backoff = FIRST_BACKOFF_MS;
    long firstFailure = -1;
    while (keepTrying.getAsBoolean()) {
      Answer busy = null;
      IOException failure = null;
      String problem;
      long wait = backoff;
      try {
        HttpResponse<String> r =
            http.send(
                request(method, path, type, body, signedAt), HttpResponse.BodyHandlers.ofString());
        Answer a = new Answer(r.statusCode(), r.body());
        if (!notNow(r.statusCode())) {
          outage.answered();
          return a;
        }
        busy = a;
        problem = "HTTP " + r.statusCode();
        wait = Math.max(backoff, retryAfterMs(r));
      } catch (IOException e) {
        failure = e;
        problem = IngestOutage.describe(e);
      }
      long now = System.currentTimeMillis();
      if (firstFailure < 0) firstFailure = now;
      if (now - firstFailure >= patienceMs) {
        if (busy != null) return busy;
        throw new IOException(
            "ingest at " + base + " did not answer " + what + " (" + problem + ")", failure);
      }
      outage.failed(what, problem, now);
      retries.incrementAndGet();
      Thread.sleep(wait);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
    return null;
  }

  /**
   * The request of one attempt: signed now when a device posts events, at least a second after the
   * attempt before ({@code signedAt}), so a quick retry of the same body is not a replay.
   */
  private HttpRequest request(
      String method, String path, String type, byte[] body, long[] signedAt) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (device != null && path.equals("/v1/events")) {
      signedAt[0] = Math.max(System.currentTimeMillis() / 1000, signedAt[0] + 1);
      String timestamp = Long.toString(signedAt[0]);
      b.header(DeviceSignature.DEVICE_HEADER, device.deviceId())
          .header(DeviceSignature.TIMESTAMP_HEADER, timestamp)
          .header(
              DeviceSignature.SIGNATURE_HEADER,
              DeviceSignature.sign(device.key(), timestamp, body));
    } else if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  private static boolean notNow(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static long retryAfterMs(HttpResponse<?> r) {
    return r.headers()
        .firstValue("Retry-After")
        .map(
            v -> {
              try {
                return Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(v.trim()) * 1000);
              } catch (NumberFormatException e) {
                return 0L;
              }
            })
        .orElse(0L);
  }
}

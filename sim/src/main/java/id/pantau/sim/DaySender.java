package id.pantau.sim;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends a {@link SimDay} through ingest's HTTP API: the reference data first, then the day step by
 * step (one NDJSON request per simulated minute, malformed singles on their own), setting the
 * simulated clock to each step's end before its request. As fast as ingest takes it, or paced: a
 * compression of 1440 plays the day in a minute, 1 in real time. Prints progress; counts what
 * ingest accepted and refused.
 */
public final class DaySender {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final int ROSTER_CHUNK = 5_000;

  private final URI ingest;
  private final String authorization;
  private final Consumer<Instant> clock;
  private final Consumer<String> progress;
  private final double compression;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param clock told the simulated instant before each request (a {@link SteppedClock} that an
   *     in-process ingest reads), or a no-op against a remote ingest on its own clock
   * @param compression simulated seconds per real second; 0 sends as fast as ingest answers
   */
  public DaySender(
      URI ingest,
      String bearerToken,
      Consumer<Instant> clock,
      double compression,
      Consumer<String> progress) {
    String b = ingest.toString();
    this.ingest = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.authorization =
        bearerToken == null || bearerToken.isBlank() ? null : "Bearer " + bearerToken;
    this.clock = clock;
    this.compression = compression;
    this.progress = progress;
  }

  /** What ingest said. */
  public record Result(
      long eventsSent,
      long accepted,
      long duplicatesSent,
      long malformedSent,
      long malformedRefused,
      List<String> problems) {
    public boolean ok() {
      return problems.isEmpty() && malformedRefused == malformedSent;
    }

    public String line() {
      return String.format(
          Locale.ROOT,
          "%,d events sent (%,d accepted), %,d duplicates, %,d malformed of which %,d refused",
          eventsSent,
          accepted,
          duplicatesSent,
          malformedSent,
          malformedRefused);
    }
  }

  public Result send(SimDay day) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    clock.accept(day.referenceAt());
    for (CityUnit u : day.city().units()) {
      expect2xx(
          problems,
          "PUT /v1/units/" + u.unitId(),
          put("/v1/units/" + u.unitId(), Json.text(u.toUnit())));
    }
    for (CityRegion r : day.city().regions()) {
      expect2xx(
          problems,
          "PUT /v1/regions/" + r.id(),
          put("/v1/regions/" + r.id(), Json.text(r.referenceData())));
    }
    for (SimDay.ZoneVersion z : day.zones()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("level", z.level().name());
      body.put(
          "effectiveFrom",
          ZonedDateTime.ofInstant(z.effectiveFrom(), day.city().region(z.regionId()).zone())
              .format(WIRE));
      expect2xx(
          problems,
          "PUT /v1/zones/" + z.regionId(),
          put("/v1/zones/" + z.regionId(), Json.text(body)));
    }
    for (int i = 0; i < day.rosters().size(); i += ROSTER_CHUNK) {
      var rows = day.rosters().subList(i, Math.min(day.rosters().size(), i + ROSTER_CHUNK));
      expect2xx(
          problems, "POST /v1/rosters", post("/v1/rosters", "application/json", Json.text(rows)));
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "sim: reference data sent: %d units, %d regions, %d zone versions, %,d roster rows",
            day.city().units().size(),
            day.city().regions().size(),
            day.zones().size(),
            day.rosters().size()));

    long events = 0, accepted = 0, duplicates = 0, malformed = 0, refused = 0;
    List<SimDay.Send> sends = day.sends();
    long started = System.nanoTime();
    Instant first = sends.isEmpty() ? day.referenceAt() : SimDay.receipt(sends.get(0).at());
    Instant lastShown = Instant.MIN;
    int i = 0;
    while (i < sends.size()) {
      Instant step = SimDay.receipt(sends.get(i).at());
      List<SimDay.Send> batch = new ArrayList<>();
      while (i < sends.size() && SimDay.receipt(sends.get(i).at()).equals(step))
        batch.add(sends.get(i++));
      pace(first, step, started);
      clock.accept(step);
      StringBuilder ndjson = new StringBuilder();
      Map<Integer, SimDay.Send> lines = new LinkedHashMap<>();
      for (SimDay.Send s : batch) {
        switch (s.kind()) {
          case EVENT -> events++;
          case DUPLICATE -> duplicates++;
          case MALFORMED_LINE, MALFORMED_SINGLE -> malformed++;
        }
        if (s.kind() == SimDay.Kind.MALFORMED_SINGLE) {
          HttpResponse<String> r = post("/v1/events", "application/json", s.line());
          if (r.statusCode() >= 400 && r.statusCode() < 500) refused++;
          else
            problems.add(
                s.eventId() + ": malformed event answered " + r.statusCode() + " " + r.body());
          continue;
        }
        ndjson.append(s.line()).append('\n');
        lines.put(lines.size() + 1, s);
      }
      if (lines.isEmpty()) continue;
      HttpResponse<String> r = post("/v1/events", "application/x-ndjson", ndjson.toString());
      // 202 with the refused lines listed; a batch of refused lines only is a 400 listing them.
      JsonNode answer = r.statusCode() / 100 == 4 ? json(r.body()) : null;
      if (r.statusCode() != 202 && (answer == null || !answer.has("rejected"))) {
        problems.add("POST /v1/events at " + step + ": " + r.statusCode() + " " + r.body());
        continue;
      }
      if (answer == null) answer = Json.MAPPER.readTree(r.body());
      accepted += answer.path("accepted").asLong();
      for (JsonNode rej : answer.path("rejected")) {
        SimDay.Send s = lines.get(rej.path("line").asInt());
        if (s != null && s.kind() == SimDay.Kind.MALFORMED_LINE) refused++;
        else
          problems.add(
              "ingest refused a valid event (line " + rej.path("line").asInt() + "): " + rej);
      }
      if (Duration.between(lastShown, step).toMinutes() >= 120 || i == sends.size()) {
        lastShown = step;
        progress.accept(
            String.format(
                Locale.ROOT,
                "sim: %s UTC, %,d of %,d records sent (%,d events accepted, %,d malformed refused)",
                step.toString().substring(0, 16),
                i,
                sends.size(),
                accepted,
                refused));
      }
    }
    return new Result(events, accepted, duplicates, malformed, refused, List.copyOf(problems));
  }

  private static JsonNode json(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private void pace(Instant first, Instant step, long startedNanos) throws InterruptedException {
    if (compression <= 0) return;
    long dueNanos = startedNanos + (long) (Duration.between(first, step).toNanos() / compression);
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
  }

  private void expect2xx(List<String> problems, String what, HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) problems.add(what + ": " + r.statusCode() + " " + r.body());
  }

  private HttpResponse<String> put(String path, String json)
      throws IOException, InterruptedException {
    return exchange(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> post(String path, String type, String body)
      throws IOException, InterruptedException {
    return exchange(
        request(path)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ingest + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) b.header("Authorization", authorization);
    return b;
  }

  /** Retries while ingest is busy or Kafka unreachable (429, 503), as a device would. */
  private HttpResponse<String> exchange(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    HttpRequest req = b.build();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if ((r.statusCode() != 429 && r.statusCode() != 503) || attempt == 20) return r;
      Thread.sleep(500);
    }
  }
}

package id.pantau.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Sends a {@link SimDay} through ingest's HTTP API: the reference data first, then the day step by
 * step (one NDJSON request per simulated minute, malformed singles on their own), setting the
 * simulated clock to each step's end before its request. As fast as ingest takes it, or paced: a
 * compression of 1440 plays the day in a minute, 1 in real time. Prints progress; counts what
 * ingest accepted and refused. Talks to ingest through {@link IngestClient}, which retries while
 * ingest is busy or unreachable and gives up on a request after {@link #PATIENCE}.
 */
public final class DaySender {

  /** How long one request is retried while ingest is busy or unreachable. */
  static final Duration PATIENCE = Duration.ofMinutes(1);

  private final IngestClient ingest;
  private final Consumer<Instant> clock;
  private final Consumer<String> progress;
  private final double compression;

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
    this(ingest, bearerToken, clock, compression, progress, PATIENCE);
  }

  /** With the time one request is retried while ingest is busy or unreachable (fault tests). */
  public DaySender(
      URI ingest,
      String bearerToken,
      Consumer<Instant> clock,
      double compression,
      Consumer<String> progress,
      Duration patience) {
    this.ingest = new IngestClient(ingest, bearerToken, () -> true, patience);
    this.clock = clock;
    this.compression = compression;
    this.progress = progress;
  }

  /** Requests repeated so far because ingest was unreachable or busy (503, 429 …). */
  public long retries() {
    return ingest.retries();
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

  /**
   * Sends the day.
   *
   * @throws IOException when ingest did not answer a request within {@link #PATIENCE}
   */
  public Result send(SimDay day) throws IOException, InterruptedException {
    return send(day, null, null);
  }

  /**
   * Sends part of the day: the records ingest receives from {@code from} (null: the day's start,
   * with the reference data before them) until {@code until} (null: the end), so a day can be sent
   * in parts with something done between them.
   */
  public Result send(SimDay day, Instant from, Instant until)
      throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    if (from == null) sendReference(day, problems);
    Tally tally = new Tally();
    List<SimDay.Send> sends =
        day.sends().stream()
            .filter(s -> from == null || !SimDay.receipt(s.at()).isBefore(from))
            .filter(s -> until == null || SimDay.receipt(s.at()).isBefore(until))
            .toList();
    sendRecords(day, sends, tally, problems);
    return new Result(
        tally.events,
        tally.accepted,
        tally.duplicates,
        tally.malformed,
        tally.refused,
        List.copyOf(problems));
  }

  private void sendReference(SimDay day, List<String> problems)
      throws IOException, InterruptedException {
    clock.accept(day.referenceAt());
    for (CityUnit u : day.city().units()) {
      expect2xx(problems, "PUT /v1/units/" + u.unitId(), ingest.putUnit(u));
    }
    for (CityRegion r : day.city().regions()) {
      expect2xx(problems, "PUT /v1/regions/" + r.id(), ingest.putRegion(r));
    }
    for (SimDay.ZoneVersion z : day.zones()) {
      ZonedDateTime from =
          ZonedDateTime.ofInstant(z.effectiveFrom(), day.city().region(z.regionId()).zone());
      expect2xx(
          problems, "PUT /v1/zones/" + z.regionId(), ingest.putZone(z.regionId(), z.level(), from));
    }
    ingest.postRosters(day.rosters(), (rows, r) -> expect2xx(problems, "POST /v1/rosters", r));
    progress.accept(
        String.format(
            Locale.ROOT,
            "sim: reference data sent: %d units, %d regions, %d zone versions, %,d roster rows",
            day.city().units().size(),
            day.city().regions().size(),
            day.zones().size(),
            day.rosters().size()));
  }

  private void sendRecords(SimDay day, List<SimDay.Send> sends, Tally tally, List<String> problems)
      throws IOException, InterruptedException {
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
      List<SimDay.Send> lines = new ArrayList<>();
      for (SimDay.Send s : batch) {
        switch (s.kind()) {
          case EVENT -> tally.events++;
          case DUPLICATE -> tally.duplicates++;
          case MALFORMED_LINE, MALFORMED_SINGLE -> tally.malformed++;
        }
        if (s.kind() == SimDay.Kind.MALFORMED_SINGLE) {
          IngestClient.Answer r = ingest.postJson("/v1/events", s.line());
          if (r.status() >= 400 && r.status() < 500) tally.refused++;
          else
            problems.add(s.eventId() + ": malformed event answered " + r.status() + " " + r.body());
          continue;
        }
        lines.add(s);
      }
      if (lines.isEmpty()) continue;
      boolean[] counted = {true};
      ingest.postEvents(
          lines,
          SimDay.Send::line,
          (chunk, r) -> counted[0] &= count(chunk, r, step, tally, problems));
      if (!counted[0]) continue;
      if (Duration.between(lastShown, step).toMinutes() >= 120 || i == sends.size()) {
        lastShown = step;
        progress.accept(
            String.format(
                Locale.ROOT,
                "sim: %s UTC, %,d of %,d records sent (%,d events accepted, %,d malformed refused)",
                step.toString().substring(0, 16),
                i,
                sends.size(),
                tally.accepted,
                tally.refused));
      }
    }
  }

  /** What was sent and what ingest said, so far. */
  private static final class Tally {
    long events, accepted, duplicates, malformed, refused;
  }

  /**
   * Counts ingest's answer to a batch of lines: the accepted, and the refused malformed ones. False
   * when the answer is not a count.
   */
  private static boolean count(
      List<SimDay.Send> chunk,
      IngestClient.Answer r,
      Instant step,
      Tally tally,
      List<String> problems) {
    // 202 with the refused lines listed; a batch of refused lines only is a 400 listing them.
    JsonNode answer = r.status() == 202 || r.status() / 100 == 4 ? r.json() : null;
    if (answer == null || (r.status() != 202 && !answer.has("rejected"))) {
      problems.add("POST /v1/events at " + step + ": " + r.status() + " " + r.body());
      return false;
    }
    tally.accepted += answer.path("accepted").asLong();
    for (JsonNode rej : answer.path("rejected")) {
      int line = rej.path("line").asInt();
      SimDay.Send s = line >= 1 && line <= chunk.size() ? chunk.get(line - 1) : null;
      if (s != null && s.kind() == SimDay.Kind.MALFORMED_LINE) tally.refused++;
      else problems.add("ingest refused a valid event (line " + line + "): " + rej);
    }
    return true;
  }

  private void pace(Instant first, Instant step, long startedNanos) throws InterruptedException {
    if (compression <= 0) return;
    long dueNanos = startedNanos + (long) (Duration.between(first, step).toNanos() / compression);
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
  }

  private static void expect2xx(List<String> problems, String what, IngestClient.Answer r) {
    if (!r.ok()) problems.add(r.describe(what));
  }
}

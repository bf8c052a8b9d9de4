package id.pantau.sim;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Plays a {@link City} on a clock against a running ingest: puts the units (and the regions and
 * their zones), posts each region's roster of today, backfills today's events up to now, then sends
 * each further event when the clock reaches it. Each region's "today" is its own local date; at a
 * region's local midnight it posts that day's roster and moves on to the day's {@link SimDay}.
 *
 * <p>Offline phones: as in {@link SimDay}, a share of the WFH location pings ({@link #LIVE_FAULTS})
 * is held back and uploaded 10–150 minutes after it was made, some after their window was decided,
 * so compliance shows MISSED turning into LATE_UPLOAD. With a {@link CatchUpClock} as ingest's
 * receipt clock ({@link #stampReceipts}), the backfill sends minute by minute with that clock on
 * the minute, so the caught-up day has the receipt times of a live one.
 *
 * <p>Never throws at the demo: an ingest that is still starting (connection refused, 503, 429) is
 * retried with backoff; anything else is logged once and left behind. Logs go to System.err with a
 * "sim: " prefix.
 */
public final class LiveSimulator implements AutoCloseable {
  /** The most NDJSON lines in one POST. */
  public static final int MAX_BATCH_LINES = 5_000;

  /**
   * What goes wrong in the live city: offline phones and staff on leave, as in {@link
   * Faults#all()}; no duplicates, malformed records, mock locations or extra staff away (the plan's
   * own few away staff remain; `./pantau verify` covers the rest).
   */
  public static final Faults LIVE_FAULTS =
      new Faults(Faults.all().offlineShare(), 0, 0, 0, Faults.all().leaveShare(), 0);

  static final Duration DEFAULT_POLL = Duration.ofMillis(500);
  private static final int ROSTER_CHUNK = 5_000;
  private static final long FIRST_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final long MAX_RETRY_AFTER_MS = 10_000;
  private static final long OUTAGE_LOG_EVERY_MS = 30_000;
  private static final int MAX_LOGGED_REJECTIONS = 20;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final City city;
  private final String base;
  private final String authorization;
  private final Clock clock;
  private final HttpClient http;
  private final List<Cursor> cursors = new ArrayList<>();
  private final Map<LocalDate, LiveDay> days =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, LiveDay> eldest) {
          return size() > 3;
        }
      };
  private Faults faults = LIVE_FAULTS;
  private CatchUpClock receipts;

  private Consumer<String> log = System.err::println;
  private Duration poll = DEFAULT_POLL;
  private volatile boolean running;
  private Thread thread;
  private final CountDownLatch backfilled = new CountDownLatch(1);

  private final AtomicLong unitsPut = new AtomicLong();
  private final AtomicLong eventsSent = new AtomicLong();
  private final AtomicLong eventsAccepted = new AtomicLong();
  private final AtomicLong eventsRejected = new AtomicLong();
  private final AtomicLong eventsDropped = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rosterRows = new AtomicLong();
  private final AtomicLong lateUploads = new AtomicLong();
  private volatile long heldBack;
  private volatile String lastEvent = "";
  private final Set<String> loggedOnce = new HashSet<>();
  private final Set<String> loggedRejections = new HashSet<>();
  private long outageSince = -1;
  private long outageLoggedAt = -1;

  /**
   * @param ingestBaseUrl e.g. http://127.0.0.1:8081 (the /v1/... paths are appended)
   * @param bearerTokenOrNull sent as "Authorization: Bearer …" when not null or blank
   * @param clock the wall clock in the demo; a fixed or stepped clock in tests
   */
  public LiveSimulator(City city, URI ingestBaseUrl, String bearerTokenOrNull, Clock clock) {
    this.city = city;
    String b = ingestBaseUrl.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.authorization =
        bearerTokenOrNull == null || bearerTokenOrNull.isBlank()
            ? null
            : "Bearer " + bearerTokenOrNull.trim();
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (CityRegion r : city.regions()) cursors.add(new Cursor(r));
  }

  /** Where log lines go; System.err unless set (before {@link #start()}). */
  LiveSimulator logTo(Consumer<String> log) {
    this.log = log;
    return this;
  }

  /** How often the clock is polled; 500 ms unless set (before {@link #start()}). */
  LiveSimulator pollEvery(Duration poll) {
    this.poll = poll;
    return this;
  }

  /** The delivery faults; {@link #LIVE_FAULTS} unless set (before {@link #start()}). */
  LiveSimulator withFaults(Faults faults) {
    this.faults = faults;
    return this;
  }

  /**
   * Ingest's receipt clock: set to each minute of the backfill as it is sent, then left to follow
   * the wall clock (before {@link #start()}).
   */
  public LiveSimulator stampReceipts(CatchUpClock receipts) {
    this.receipts = receipts;
    return this;
  }

  /** Starts the simulation on a daemon thread and returns at once. */
  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("already started");
    running = true;
    thread = new Thread(this::run, "pantau-sim");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops sending; events not yet sent stay unsent. Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    if (t == null) return;
    t.interrupt();
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until today's events up to the start were sent (or the simulator stopped before that).
   */
  public boolean awaitBackfill(Duration timeout) throws InterruptedException {
    return backfilled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Counters so far, for the demo to print now and then. */
  public Stats stats() {
    return new Stats(
        unitsPut.get(),
        eventsSent.get(),
        eventsAccepted.get(),
        eventsRejected.get(),
        eventsDropped.get(),
        retries.get(),
        backfilled.getCount() == 0,
        lastEvent,
        rosterRows.get(),
        lateUploads.get(),
        heldBack);
  }

  /**
   * What the simulator has done so far.
   *
   * @param eventsSent events that ingest answered 2xx for (accepted or rejected)
   * @param eventsDropped events given up on because ingest refused the whole batch (4xx)
   * @param retries requests repeated because ingest was unreachable or busy
   * @param lastEvent local time of the last event sent, e.g. "10:42 WIB", or "" before any
   * @param rosterRows roster rows that ingest accepted
   * @param lateUploads events sent late by an offline phone (counted in eventsSent too)
   * @param heldBack events made but not sent yet: their phone is still offline
   */
  public record Stats(
      long unitsPut,
      long eventsSent,
      long eventsAccepted,
      long eventsRejected,
      long eventsDropped,
      long retries,
      boolean backfilled,
      String lastEvent,
      long rosterRows,
      long lateUploads,
      long heldBack) {

    /** One line for the console, e.g. "sim: 24 units, 3,812 events sent (3,812 accepted) …". */
    public String line() {
      StringBuilder sb = new StringBuilder("sim: ");
      sb.append(String.format(Locale.ROOT, "%,d units, ", unitsPut));
      if (rosterRows > 0) sb.append(String.format(Locale.ROOT, "%,d roster rows, ", rosterRows));
      sb.append(String.format(Locale.ROOT, "%,d events sent", eventsSent));
      sb.append(String.format(Locale.ROOT, " (%,d accepted", eventsAccepted));
      if (eventsRejected > 0)
        sb.append(String.format(Locale.ROOT, ", %,d rejected", eventsRejected));
      if (eventsDropped > 0) sb.append(String.format(Locale.ROOT, ", %,d dropped", eventsDropped));
      sb.append(')');
      if (lateUploads > 0 || heldBack > 0) {
        sb.append(
            String.format(
                Locale.ROOT,
                ", offline phones: %,d uploaded late, %,d held back",
                lateUploads,
                heldBack));
      }
      if (!lastEvent.isEmpty()) sb.append(", last at ").append(lastEvent);
      if (!backfilled) sb.append(", backfill pending");
      if (retries > 0) sb.append(String.format(Locale.ROOT, ", %,d retries", retries));
      return sb.toString();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void run() {
    try {
      putReferenceData();
      if (!running) return;
      backfill();
      while (running) {
        Thread.sleep(poll.toMillis());
        try {
          Due due = takeDue(clock.instant());
          postRosters(due.rosters());
          send(due.events());
        } catch (RuntimeException e) {
          log("sim: skipped a step after an unexpected error: " + e);
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      log("sim: stopped after an unexpected error: " + e);
    } finally {
      if (receipts != null) receipts.followWall();
      backfilled.countDown();
    }
  }

  private void backfill() throws InterruptedException {
    Instant now = clock.instant();
    Due due;
    try {
      due = takeDue(now);
    } catch (RuntimeException e) {
      log("sim: could not plan today: " + e);
      if (receipts != null) receipts.followWall();
      backfilled.countDown();
      return;
    }
    postRosters(due.rosters());
    long before = eventsSent.get() + eventsDropped.get();
    if (receipts == null) {
      send(due.events());
    } else {
      // Minute by minute, each received at its minute's end (as SimDay has it), never in the
      // future.
      List<Outgoing> events = due.events();
      int from = 0;
      while (from < events.size() && running) {
        Instant minute = SimDay.receipt(events.get(from).sendAt());
        int to = from;
        while (to < events.size() && !SimDay.receipt(events.get(to).sendAt()).isAfter(minute)) to++;
        receipts.set(minute.isAfter(now) ? now : minute);
        send(events.subList(from, to));
        from = to;
      }
      receipts.followWall();
    }
    long done = eventsSent.get() + eventsDropped.get() - before;
    log(String.format(Locale.ROOT, "sim: backfilled %,d events up to %s", done, localTimes(now)));
    backfilled.countDown();
  }

  /** "10:42 WIB / 11:42 WITA / 12:42 WIT". */
  private String localTimes(Instant now) {
    List<String> parts = new ArrayList<>();
    for (CityRegion r : city.regions()) {
      parts.add(ZonedDateTime.ofInstant(now, r.zone()).format(HH_MM) + " " + r.zoneName());
    }
    return String.join(" / ", parts);
  }

  private void putReferenceData() throws InterruptedException {
    for (CityUnit unit : city.units()) {
      if (!running) return;
      String path = "/v1/units/" + unit.unitId();
      HttpResponse<String> r = exchange("PUT " + path, put(path, Json.bytes(unit.toUnit())));
      if (r == null) return;
      if (ok(r)) unitsPut.incrementAndGet();
      else refused("PUT /v1/units", r, "unit " + unit.unitId() + " was not stored");
    }
    // Regions and zone levels, so that caps and "inside region" match the simulated city. Optional
    // for the demo: an ingest without these endpoints yet is told once and left alone.
    for (CityRegion region : city.regions()) {
      if (!running) return;
      String regionPath = "/v1/regions/" + region.id();
      HttpResponse<String> r =
          exchange("PUT " + regionPath, put(regionPath, Json.bytes(region.referenceData())));
      if (r == null) return;
      if (!ok(r)) refused("PUT /v1/regions", r, "region boundaries stay unknown to ingest");

      Map<String, Object> zone = new LinkedHashMap<>();
      zone.put("level", region.level().name());
      LocalDate today = LocalDate.ofInstant(clock.instant(), region.zone());
      zone.put("effectiveFrom", today.atStartOfDay(region.zone()).format(WIRE_TIME));
      String zonePath = "/v1/zones/" + region.id();
      r = exchange("PUT " + zonePath, put(zonePath, Json.bytes(zone)));
      if (r == null) return;
      if (!ok(r)) refused("PUT /v1/zones", r, "zone levels stay unknown to ingest");
    }
  }

  /** What is due at a moment: the rosters of the days just opened, then the events to send. */
  record Due(List<RosterEntry> rosters, List<Outgoing> events) {}

  /** An event and when it is sent: when it was made, or later when its phone was offline. */
  record Outgoing(Instant sendAt, Planned planned, String line) {
    boolean late() {
      return sendAt.isAfter(planned.at());
    }
  }

  /**
   * Takes every event sent at or before now from each region's cursor, moving to a new day (and
   * taking its roster) as needed.
   */
  Due takeDue(Instant now) {
    List<RosterEntry> rosters = new ArrayList<>();
    List<Outgoing> due = new ArrayList<>();
    long waiting = 0;
    for (Cursor c : cursors) {
      LocalDate today = LocalDate.ofInstant(now, c.region.zone());
      if (c.date == null) {
        c.open(today, rosters);
      } else if (today.isAfter(c.date)) {
        c.drain(now, due);
        c.open(today, rosters);
      }
      c.drain(now, due);
      waiting += c.heldBack(now);
    }
    heldBack = waiting;
    due.sort(Comparator.comparing(Outgoing::sendAt).thenComparing(o -> o.planned().eventId()));
    return new Due(rosters, due);
  }

  private LiveDay day(LocalDate date) {
    return days.computeIfAbsent(date, d -> new LiveDay(SimDay.of(city, d, faults)));
  }

  /** A day's sends and roster rows by region, from its {@link SimDay}. */
  private static final class LiveDay {
    final Map<String, List<Outgoing>> events = new LinkedHashMap<>();
    final Map<String, List<RosterEntry>> rosters = new LinkedHashMap<>();

    LiveDay(SimDay day) {
      for (SimDay.Send s : day.sends()) {
        if (s.kind() != SimDay.Kind.EVENT) continue; // the live faults have no others
        Planned p = day.accepted().get(s.eventId()).planned();
        events
            .computeIfAbsent(p.regionId(), r -> new ArrayList<>())
            .add(new Outgoing(s.at(), p, s.line()));
      }
      for (RosterEntry row : day.rosters()) {
        String region = day.city().unit(row.unitId).region().id();
        rosters.computeIfAbsent(region, r -> new ArrayList<>()).add(row);
      }
    }
  }

  /** Posts roster rows (all or nothing per request, so in chunks a request can hold). */
  private void postRosters(List<RosterEntry> rows) throws InterruptedException {
    for (int from = 0; from < rows.size() && running; from += ROSTER_CHUNK) {
      List<RosterEntry> chunk = rows.subList(from, Math.min(rows.size(), from + ROSTER_CHUNK));
      HttpRequest.Builder req =
          request("/v1/rosters")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Json.text(chunk), StandardCharsets.UTF_8));
      HttpResponse<String> r = exchange("POST /v1/rosters", req);
      if (r == null) return;
      if (ok(r)) rosterRows.addAndGet(chunk.size());
      else refused("POST /v1/rosters", r, chunk.size() + " roster rows were not stored");
    }
  }

  private void send(List<Outgoing> events) throws InterruptedException {
    for (int from = 0; from < events.size() && running; from += MAX_BATCH_LINES) {
      postBatch(events.subList(from, Math.min(events.size(), from + MAX_BATCH_LINES)));
    }
  }

  private void postBatch(List<Outgoing> batch) throws InterruptedException {
    StringBuilder sb = new StringBuilder(batch.size() * 320);
    for (Outgoing o : batch) sb.append(o.line()).append('\n');
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder req =
        request("/v1/events")
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> r = exchange("POST /v1/events", req);
    if (r == null) return;
    if (ok(r)) {
      account(batch, r.body());
    } else if (r.statusCode() == 413 && batch.size() > 1) {
      int half = batch.size() / 2;
      postBatch(batch.subList(0, half));
      postBatch(batch.subList(half, batch.size()));
    } else {
      eventsDropped.addAndGet(batch.size());
      refused("POST /v1/events", r, batch.size() + " events were dropped");
    }
  }

  /** Counts a 2xx answer {"accepted": N, "rejected": [...]} and logs new rejections. */
  private void account(List<Outgoing> batch, String body) {
    eventsSent.addAndGet(batch.size());
    lateUploads.addAndGet(batch.stream().filter(Outgoing::late).count());
    Planned last = batch.get(batch.size() - 1).planned();
    CityRegion region = city.region(last.regionId());
    lastEvent =
        ZonedDateTime.ofInstant(last.at(), region.zone()).format(HH_MM) + " " + region.zoneName();
    JsonNode answer = null;
    try {
      if (body != null && !body.isBlank()) answer = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      answer = null;
    }
    JsonNode rejected = answer == null ? null : answer.get("rejected");
    int rejectedCount = rejected != null && rejected.isArray() ? rejected.size() : 0;
    long accepted =
        answer != null && answer.path("accepted").canConvertToLong()
            ? answer.path("accepted").asLong()
            : batch.size() - rejectedCount;
    eventsAccepted.addAndGet(accepted);
    eventsRejected.addAndGet(rejectedCount);
    if (rejectedCount == 0) return;
    for (JsonNode r : rejected) {
      String eventId = r.path("eventId").asText("");
      String key = eventId.isEmpty() ? "line " + r.path("line").asText("?") : eventId;
      if (!loggedRejections.add(key)) continue;
      if (loggedRejections.size() > MAX_LOGGED_REJECTIONS) {
        if (loggedRejections.size() == MAX_LOGGED_REJECTIONS + 1) {
          log("sim: more events rejected; counted in stats(), not logged");
        }
        continue;
      }
      log("sim: ingest rejected event " + key + " (a sim bug): " + r.path("errors"));
    }
  }

  /**
   * Sends until ingest answers something other than "not now": retries connection failures, 408,
   * 429, 502, 503 and 504 with backoff (honouring Retry-After). Returns null when closed.
   */
  private HttpResponse<String> exchange(String what, HttpRequest.Builder request)
      throws InterruptedException {
    HttpRequest req = request.build();
    long backoff = FIRST_BACKOFF_MS;
    while (running) {
      String problem;
      long wait = backoff;
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        int s = r.statusCode();
        if (s != 408 && s != 429 && s != 502 && s != 503 && s != 504) {
          recovered();
          return r;
        }
        problem = "HTTP " + s;
        wait = Math.max(backoff, retryAfterMs(r));
      } catch (IOException e) {
        problem = describe(e);
      }
      outage(what, problem);
      retries.incrementAndGet();
      Thread.sleep(wait);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
    return null;
  }

  private void outage(String what, String problem) {
    long now = System.currentTimeMillis();
    if (outageSince < 0) {
      outageSince = now;
      outageLoggedAt = now;
      log("sim: ingest not ready at " + base + " (" + what + ": " + problem + "); retrying");
    } else if (now - outageLoggedAt >= OUTAGE_LOG_EVERY_MS) {
      outageLoggedAt = now;
      log(
          "sim: still waiting for ingest at "
              + base
              + " ("
              + problem
              + ", "
              + (now - outageSince) / 1000
              + " s)");
    }
  }

  private void recovered() {
    if (outageSince >= 0) {
      log("sim: ingest is answering at " + base);
      outageSince = -1;
    }
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

  private static String describe(IOException e) {
    if (e instanceof ConnectException) return "connection refused";
    if (e instanceof HttpConnectTimeoutException) return "connect timed out";
    if (e instanceof HttpTimeoutException) return "timed out";
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Logs a refusal once per (request kind, status): they point at a bug or a missing endpoint. */
  private void refused(String what, HttpResponse<String> r, String consequence) {
    if (!loggedOnce.add(what + " " + r.statusCode())) return;
    String body = r.body() == null ? "" : r.body().strip();
    if (body.length() > 300) body = body.substring(0, 300) + "…";
    String hint =
        r.statusCode() == 401 || r.statusCode() == 403
            ? " (check the ingest token given to the sim)"
            : "";
    log(
        "sim: "
            + what
            + " answered "
            + r.statusCode()
            + hint
            + ": "
            + body
            + " — "
            + consequence
            + " (logged once)");
  }

  private HttpRequest.Builder put(String path, byte[] json) {
    return request(path)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(json));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) b.header("Authorization", authorization);
    return b;
  }

  private static boolean ok(HttpResponse<?> r) {
    return r.statusCode() / 100 == 2;
  }

  private void log(String line) {
    try {
      log.accept(line);
    } catch (RuntimeException e) {
      // Logging must never stop the simulation.
    }
  }

  /**
   * Where a region stands in its day: the sends of its local date (and uploads of the day before
   * still held back by offline phones), and the next one to send.
   */
  private final class Cursor {
    final CityRegion region;
    LocalDate date;
    List<Outgoing> events = List.of();
    int next;

    Cursor(CityRegion region) {
      this.region = region;
    }

    /** Moves to a new local date and adds its roster rows of this region to {@code rosters}. */
    void open(LocalDate day, List<RosterEntry> rosters) {
      LiveDay live = day(day);
      List<Outgoing> merged = new ArrayList<>(events.subList(next, events.size()));
      merged.addAll(live.events.getOrDefault(region.id(), List.of()));
      merged.sort(Comparator.comparing(Outgoing::sendAt).thenComparing(o -> o.planned().eventId()));
      date = day;
      events = merged;
      next = 0;
      rosters.addAll(live.rosters.getOrDefault(region.id(), List.of()));
    }

    void drain(Instant now, List<Outgoing> into) {
      while (next < events.size() && !events.get(next).sendAt().isAfter(now)) {
        into.add(events.get(next++));
      }
    }

    /** Events made by now that an offline phone has not uploaded yet. */
    long heldBack(Instant now) {
      long n = 0;
      for (int i = next; i < events.size(); i++) {
        if (!events.get(i).planned().at().isAfter(now)) n++;
      }
      return n;
    }
  }
}

package id.pantau.sim;

import id.pantau.events.RosterEntry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * retried with backoff ({@link IngestClient}); anything else is logged once and left behind. The
 * days come from {@link LiveDays}, the counts are kept in {@link LiveCounters}; this class keeps
 * the schedule. Logs through SLF4J.
 */
public final class LiveSimulator implements AutoCloseable {
  /**
   * What goes wrong in the live city: offline phones and staff on leave, as in {@link
   * Faults#all()}; no duplicates, malformed records, mock locations or extra staff away (the plan's
   * own few away staff remain; `./pantau verify` covers the rest).
   */
  public static final Faults LIVE_FAULTS =
      new Faults(Faults.all().offlineShare(), 0, 0, 0, Faults.all().leaveShare(), 0);

  static final Duration DEFAULT_POLL = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(LiveSimulator.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final Comparator<Outgoing> SEND_ORDER =
      Comparator.comparing(Outgoing::sendAt).thenComparing(o -> o.planned().eventId());

  private final City city;
  private final Clock clock;
  private final IngestClient ingest;
  private final LiveCounters counts = new LiveCounters();
  private final List<RegionCursor> cursors = new ArrayList<>();
  private LiveDays days;
  private Faults faults = LIVE_FAULTS;
  private CatchUpClock receipts;

  private Duration poll = DEFAULT_POLL;
  private volatile boolean running;
  private Thread thread;
  private final CountDownLatch backfilled = new CountDownLatch(1);

  /**
   * @param ingestBaseUrl e.g. http://127.0.0.1:8081 (the /v1/... paths are appended)
   * @param bearerTokenOrNull sent as "Authorization: Bearer …" when not null or blank
   * @param clock the wall clock in the demo; a fixed or stepped clock in tests
   */
  public LiveSimulator(City city, URI ingestBaseUrl, String bearerTokenOrNull, Clock clock) {
    this.city = city;
    this.clock = clock;
    this.ingest = new IngestClient(ingestBaseUrl, bearerTokenOrNull, () -> running, null);
    for (CityRegion r : city.regions()) cursors.add(new RegionCursor(r, SEND_ORDER));
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
    days = new LiveDays(city, faults);
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
  public LiveStats stats() {
    return counts.stats(ingest.retries(), backfilled.getCount() == 0);
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
          LOG.warn("skipped a step after an unexpected error", e);
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop.
    } catch (IOException | RuntimeException e) {
      LOG.error("stopped after an unexpected error", e);
    } finally {
      if (receipts != null) receipts.followWall();
      backfilled.countDown();
    }
  }

  private void backfill() throws IOException, InterruptedException {
    Instant now = clock.instant();
    Due due;
    try {
      due = takeDue(now);
    } catch (RuntimeException e) {
      LOG.error("could not plan today", e);
      if (receipts != null) receipts.followWall();
      backfilled.countDown();
      return;
    }
    postRosters(due.rosters());
    long before = counts.eventsSent.get() + counts.eventsDropped.get();
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
    long done = counts.eventsSent.get() + counts.eventsDropped.get() - before;
    if (LOG.isInfoEnabled()) {
      LOG.info(String.format(Locale.ROOT, "backfilled %,d events up to %s", done, localTimes(now)));
    }
    backfilled.countDown();
  }

  /** "10:42 WIB / 11:42 WITA / 12:42 WIT". */
  private String localTimes(Instant now) {
    List<String> parts = new ArrayList<>();
    for (CityRegion r : city.regions()) parts.add(localTime(now, r));
    return String.join(" / ", parts);
  }

  private static String localTime(Instant t, CityRegion r) {
    return ZonedDateTime.ofInstant(t, r.zone()).format(HH_MM) + " " + r.zoneName();
  }

  private void putReferenceData() throws IOException, InterruptedException {
    for (CityUnit unit : city.units()) {
      if (!running) return;
      IngestClient.Answer r = ingest.putUnit(unit);
      if (r == null) return;
      if (r.ok()) counts.unitsPut.incrementAndGet();
      else ingest.reportOnce("PUT /v1/units", r, "unit " + unit.unitId() + " was not stored");
    }
    // Regions and zone levels, so that caps and "inside region" match the simulated city. Optional
    // for the demo: an ingest without these endpoints yet is told once and left alone.
    for (CityRegion region : city.regions()) {
      if (!running) return;
      IngestClient.Answer r = ingest.putRegion(region);
      if (r == null) return;
      if (!r.ok())
        ingest.reportOnce("PUT /v1/regions", r, "region boundaries stay unknown to ingest");
      LocalDate today = LocalDate.ofInstant(clock.instant(), region.zone());
      r = ingest.putZone(region.id(), region.level(), today.atStartOfDay(region.zone()));
      if (r == null) return;
      if (!r.ok()) ingest.reportOnce("PUT /v1/zones", r, "zone levels stay unknown to ingest");
    }
  }

  /** What is due at a moment: the rosters of the days just opened, then the events to send. */
  record Due(List<RosterEntry> rosters, List<Outgoing> events) {}

  /**
   * Takes every event sent at or before now from each region's cursor, moving to a new day (and
   * taking its roster) as needed.
   */
  Due takeDue(Instant now) {
    List<RosterEntry> rosters = new ArrayList<>();
    List<Outgoing> due = new ArrayList<>();
    long waiting = 0;
    for (RegionCursor c : cursors) {
      LocalDate today = LocalDate.ofInstant(now, c.region.zone());
      if (c.date == null) {
        c.open(days, today, rosters);
      } else if (today.isAfter(c.date)) {
        c.drain(now, due);
        c.open(days, today, rosters);
      }
      c.drain(now, due);
      waiting += c.heldBack(now);
    }
    counts.heldBack(waiting);
    due.sort(SEND_ORDER);
    return new Due(rosters, due);
  }

  /** Posts roster rows (all or nothing per request, so in chunks a request can hold). */
  private void postRosters(List<RosterEntry> rows) throws IOException, InterruptedException {
    ingest.postRosters(
        rows,
        (chunk, r) -> {
          if (r.ok()) counts.rosterRows.addAndGet(chunk.size());
          else
            ingest.reportOnce("POST /v1/rosters", r, chunk.size() + " roster rows were not stored");
        });
  }

  private void send(List<Outgoing> events) throws IOException, InterruptedException {
    ingest.postEvents(
        events,
        Outgoing::line,
        (batch, r) -> {
          if (r.ok()) {
            Planned last = batch.get(batch.size() - 1).planned();
            counts.sent(batch, r, localTime(last.at(), city.region(last.regionId())));
          } else {
            counts.eventsDropped.addAndGet(batch.size());
            ingest.reportOnce("POST /v1/events", r, batch.size() + " events were dropped");
          }
        });
  }
}

package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Decoded;
import id.pantau.events.Json;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import id.pantau.sim.FakeIngest.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveSimulatorTest {
  static final City CITY = City.defaultCity();
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  /** 10:30 WIB, 11:30 WITA, 12:30 WIT on Monday 2026-11-23. */
  static final Instant MORNING = Instant.parse("2026-11-23T03:30:00Z");

  final List<AutoCloseable> toClose = new ArrayList<>();
  final CapturedLogs captured = new CapturedLogs();
  final List<String> logs = captured.lines;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
    captured.close();
  }

  FakeIngest ingest() throws IOException {
    return ingest(0);
  }

  FakeIngest ingest(int port) throws IOException {
    FakeIngest f = new FakeIngest(port);
    toClose.add(f);
    return f;
  }

  LiveSimulator simulator(URI uri, String token, Clock clock) {
    LiveSimulator sim = new LiveSimulator(CITY, uri, token, clock).pollEvery(Duration.ofMillis(20));
    toClose.add(sim);
    return sim;
  }

  /** The first of these requests sent to this path. */
  static Request firstTo(List<Request> all, String path) {
    return all.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
  }

  /** A simulator whose clock stands at MORNING, started against the ingest, its backfill done. */
  LiveSimulator backfilled(FakeIngest ingest, String token) throws InterruptedException {
    LiveSimulator sim = simulator(ingest.uri(), token, Clock.fixed(MORNING, ZoneOffset.UTC));
    sim.start();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();
    return sim;
  }

  static final Map<LocalDate, SimDay> DAYS = new ConcurrentHashMap<>();

  /** The live simulator's day: the plan with its offline phones and rosters. */
  static SimDay day(LocalDate date) {
    return DAYS.computeIfAbsent(date, d -> SimDay.of(CITY, d, LiveSimulator.LIVE_FAULTS));
  }

  /** The region's events of a day sent by {@code now} (offline phones send some late). */
  static List<SimDay.Send> sentUpTo(String regionId, LocalDate date, Instant now) {
    SimDay day = day(date);
    return day.sends().stream()
        .filter(s -> !s.at().isAfter(now))
        .filter(s -> day.accepted().get(s.eventId()).planned().regionId().equals(regionId))
        .toList();
  }

  /** The ids of the events sent at or before {@code now}, each region in its own local day. */
  static Set<String> plannedUpTo(Instant now) {
    Set<String> ids = new java.util.HashSet<>();
    for (CityRegion r : CITY.regions()) {
      LocalDate today = LocalDate.ofInstant(now, r.zone());
      sentUpTo(r.id(), today, now).forEach(s -> ids.add(s.eventId()));
    }
    return ids;
  }

  static Set<String> ids(List<String> lines) {
    return lines.stream().map(l -> readTree(l).get("eventId").asText()).collect(Collectors.toSet());
  }

  static com.fasterxml.jackson.databind.JsonNode readTree(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    if (!Poll.until(timeout, condition)) throw new AssertionError("timed out waiting for " + what);
  }

  @Test
  void putsEveryUnitFirstThenBackfillsOnlyTodaysEventsUpToNowAsNdjsonWithTheBearerToken()
      throws Exception {
    FakeIngest ingest = ingest();
    LiveSimulator sim = backfilled(ingest, "s3cret");
    List<Request> all = List.copyOf(ingest.taken());
    assertThat(all).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret"));

    int firstPost = -1;
    int lastUnitPut = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).method().equals("POST") && firstPost < 0) firstPost = i;
      if (all.get(i).path().startsWith("/v1/units/")) lastUnitPut = i;
    }
    assertThat(lastUnitPut).isLessThan(firstPost);
    List<Request> unitPuts = all.stream().filter(r -> r.path().startsWith("/v1/units/")).toList();
    assertThat(unitPuts).hasSize(CITY.units().size());
    assertThat(unitPuts.subList(0, CITY.units().size()))
        .extracting(Request::path)
        .containsExactlyElementsOf(
            CITY.units().stream().map(u -> "/v1/units/" + u.unitId()).toList());
    for (Request put : unitPuts) {
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.contentType()).isEqualTo("application/json");
      Decoded<Unit> unit = Json.unit(put.body().getBytes(StandardCharsets.UTF_8));
      assertThat(unit.errors()).isEmpty();
      assertThat(put.path()).isEqualTo("/v1/units/" + unit.value().unitId);
    }

    List<Request> posts = ingest.eventPosts();
    assertThat(posts).isNotEmpty();
    assertThat(posts)
        .allSatisfy(
            p -> {
              assertThat(p.path()).isEqualTo("/v1/events");
              assertThat(p.contentType()).isEqualTo("application/x-ndjson");
              assertThat(p.lines()).hasSizeLessThanOrEqualTo(IngestClient.MAX_LINES);
            });
    List<String> lines = ingest.postedLines();
    for (String line : lines) {
      var node = readTree(line);
      assertThat(OffsetDateTime.parse(node.get("time").asText()).toInstant())
          .isBeforeOrEqualTo(MORNING);
      assertThat(OffsetDateTime.parse(node.get("time").asText()).toLocalDate()).isEqualTo(MONDAY);
    }
    Set<String> expected = plannedUpTo(MORNING);
    assertThat(expected).hasSizeGreaterThan(2_000);
    assertThat(lines).hasSize(expected.size());
    assertThat(ids(lines)).isEqualTo(expected);

    String backfillLine =
        String.format(
            java.util.Locale.ROOT,
            "backfilled %,d events up to 10:30 WIB / 11:30 WITA / 12:30 WIT",
            expected.size());
    assertThat(logs).contains(backfillLine);
    LiveStats stats = sim.stats();
    assertThat(stats.unitsPut()).isEqualTo(CITY.units().size());
    assertThat(stats.eventsSent()).isEqualTo(expected.size());
    assertThat(stats.eventsAccepted()).isEqualTo(expected.size());
    assertThat(stats.backfilled()).isTrue();
    assertThat(stats.line()).contains("24 units").contains("events sent");
  }

  @Test
  void alsoPutsRegionsAndTheirZoneLevelsBeforeAnyEvent() throws Exception {
    FakeIngest ingest = ingest();
    backfilled(ingest, null);
    List<Request> all = List.copyOf(ingest.taken());
    assertThat(all).allSatisfy(r -> assertThat(r.authorization()).isNull());
    for (CityRegion region : CITY.regions()) {
      Request zone = firstTo(all, "/v1/zones/" + region.id());
      var node = readTree(zone.body());
      assertThat(node.get("level").asText()).isEqualTo(region.level().name());
      assertThat(OffsetDateTime.parse(node.get("effectiveFrom").asText()).toInstant())
          .isBeforeOrEqualTo(MORNING);
      Request reg = firstTo(all, "/v1/regions/" + region.id());
      var body = readTree(reg.body());
      assertThat(body.get("timeZone").asText()).isEqualTo(region.zone().getId());
      assertThat(body.get("boundary").get("type").asText()).isEqualTo("Polygon");
      assertThat(all.indexOf(zone)).isLessThan(all.indexOf(ingest.eventPosts().get(0)));
    }
  }

  @Test
  void sendsEachFurtherEventWhenTheClockReachesIt() throws Exception {
    FakeIngest ingest = ingest();
    SteppedClock clock = new SteppedClock(MORNING);
    LiveSimulator sim = simulator(ingest.uri(), null, clock);
    sim.start();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();
    int backfilled = ingest.postedLines().size();

    Instant afternoon = Instant.parse("2026-11-23T05:00:00Z"); // 12:00 WIB, 14:00 WIT
    clock.set(afternoon);
    Set<String> expected = plannedUpTo(afternoon);
    assertThat(expected.size()).isGreaterThan(backfilled);
    await(
        "events up to 12:00 WIB",
        Duration.ofSeconds(30),
        () -> sim.stats().eventsSent() >= expected.size());
    List<String> lines = ingest.postedLines();
    assertThat(lines).hasSize(expected.size()).doesNotHaveDuplicates();
    assertThat(ids(lines)).isEqualTo(expected);
    assertThat(sim.stats().eventsSent()).isEqualTo(expected.size());
  }

  @Test
  void movesEachRegionToItsNextDayAtItsOwnLocalMidnight() throws Exception {
    FakeIngest ingest = ingest();
    Instant lateMonday = Instant.parse("2026-11-23T14:59:00Z"); // 23:59 WIT, 21:59 WIB
    SteppedClock clock = new SteppedClock(lateMonday);
    LiveSimulator sim = simulator(ingest.uri(), null, clock);
    sim.start();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();
    int monday = plannedUpTo(lateMonday).size();
    assertThat(ingest.postedLines()).hasSize(monday);

    Instant tuesdayInJayapura = Instant.parse("2026-11-23T21:30:00Z"); // 06:30 WIT, 04:30 WIB
    clock.set(tuesdayInJayapura);
    Set<String> early =
        sentUpTo("kota-jayapura", MONDAY.plusDays(1), tuesdayInJayapura).stream()
            .map(SimDay.Send::eventId)
            .collect(Collectors.toSet());
    assertThat(early).isNotEmpty();
    // The rest of Monday (the night crews' 23:00 check-ins, late field trips), then Tuesday in
    // every region up to now, from the night crews' fresh check-ins at 00:00:0x.
    Set<String> expected = new java.util.HashSet<>(plannedUpTo(tuesdayInJayapura));
    CityDay.of(CITY, MONDAY).events().forEach(p -> expected.add(p.eventId()));
    int total = expected.size();
    assertThat(total).isGreaterThan(monday + early.size());
    await(
        "Tuesday's early birds in Jayapura",
        Duration.ofSeconds(30),
        () -> ingest.postedLines().size() >= total);
    List<String> lines = ingest.postedLines();
    assertThat(lines).hasSize(total);
    assertThat(ids(lines)).containsAll(early).isEqualTo(expected);
    List<String> tuesday =
        lines.stream().filter(l -> early.contains(readTree(l).get("eventId").asText())).toList();
    assertThat(tuesday)
        .allSatisfy(l -> assertThat(l).contains("2026-11-24T0").contains("+09:00"))
        .anySatisfy(l -> assertThat(l).contains("2026-11-24T00:00:0"));

    // Jayapura's Tuesday roster went in before Tuesday's first event there.
    List<Request> all = List.copyOf(ingest.taken());
    Request roster =
        all.stream()
            .filter(r -> r.path().equals("/v1/rosters") && r.body().contains("2026-11-24"))
            .findFirst()
            .orElseThrow();
    Request firstTuesday =
        all.stream()
            .filter(r -> r.path().equals("/v1/events"))
            .filter(r -> r.lines().stream().anyMatch(l -> early.contains(eventId(l))))
            .findFirst()
            .orElseThrow();
    assertThat(all.indexOf(roster)).isLessThan(all.indexOf(firstTuesday));
    assertThat(rosterRows(roster)).allSatisfy(row -> assertThat(row.date).isEqualTo("2026-11-24"));
  }

  static String eventId(String line) {
    return readTree(line).get("eventId").asText();
  }

  static List<RosterEntry> rosterRows(Request r) {
    try {
      return List.of(Json.MAPPER.readValue(r.body(), RosterEntry[].class));
    } catch (IOException e) {
      throw new AssertionError("not a roster array: " + r.body(), e);
    }
  }

  @Test
  void postsEachRegionsRosterOfTheDayBeforeAnyOfItsEvents() throws Exception {
    FakeIngest ingest = ingest();
    LiveSimulator sim = backfilled(ingest, null);
    List<Request> all = List.copyOf(ingest.taken());
    List<Request> rosters = ingest.rosterPosts();
    assertThat(rosters).isNotEmpty();
    assertThat(rosters).allSatisfy(r -> assertThat(r.contentType()).isEqualTo("application/json"));
    int lastRoster = all.indexOf(rosters.get(rosters.size() - 1));
    assertThat(lastRoster).isLessThan(all.indexOf(ingest.eventPosts().get(0)));

    List<RosterEntry> rows = rosters.stream().flatMap(r -> rosterRows(r).stream()).toList();
    SimDay monday = day(MONDAY);
    assertThat(rows)
        .extracting(r -> r.nip + "@" + r.date + " " + r.mode + " " + r.unitId)
        .containsExactlyInAnyOrderElementsOf(
            monday.rosters().stream()
                .map(r -> r.nip + "@" + r.date + " " + r.mode + " " + r.unitId)
                .toList());
    for (CityRegion region : CITY.regions()) {
      assertThat(rows).anyMatch(r -> CITY.unit(r.unitId).region().id().equals(region.id()));
    }
    assertThat(rows).extracting(r -> r.mode).contains(RosterMode.WFO, RosterMode.WFH);
    assertThat(sim.stats().rosterRows()).isEqualTo(rows.size());
    assertThat(sim.stats().line()).contains(String.format("%,d roster rows", rows.size()));
  }

  @Test
  void holdsBackOfflinePhonesUploadsAndSendsThemAfterTheirWindowWasDecided() throws Exception {
    FakeIngest ingest = ingest();
    SteppedClock clock = new SteppedClock(MORNING);
    ingest.clock = clock;
    LiveSimulator sim = simulator(ingest.uri(), null, clock);
    sim.start();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();

    // 10:30 WIB: pings made by now whose phone is still offline are not sent yet.
    SimDay monday = day(MONDAY);
    Set<String> waiting =
        monday.sends().stream()
            .filter(s -> s.at().isAfter(MORNING))
            .filter(s -> !monday.accepted().get(s.eventId()).planned().at().isAfter(MORNING))
            .map(SimDay.Send::eventId)
            .collect(Collectors.toSet());
    assertThat(waiting).isNotEmpty();
    assertThat(ids(ingest.postedLines())).doesNotContainAnyElementsOf(waiting);
    assertThat(sim.stats().heldBack()).isEqualTo(waiting.size());
    assertThat(sim.stats().line()).contains(waiting.size() + " held back");

    Instant evening = Instant.parse("2026-11-23T12:00:00Z"); // 19:00 WIB, 21:00 WIT
    clock.set(evening);
    Set<String> expected = plannedUpTo(evening);
    await(
        "the day's uploads up to 19:00 WIB",
        Duration.ofSeconds(30),
        () -> ingest.postedLines().size() >= expected.size());
    assertThat(ids(ingest.postedLines())).isEqualTo(expected).containsAll(waiting);

    // Each late upload went out when the clock had reached its upload time; some after the
    // window of its ping was decided (end + allowed lateness), so compliance shows LATE_UPLOAD.
    Map<String, Instant> postedAt = new java.util.HashMap<>();
    for (Request r : ingest.eventPosts()) {
      for (String l : r.lines()) postedAt.putIfAbsent(eventId(l), r.at());
    }
    Policy policy = Policy.seed();
    List<SimDay.Send> late =
        monday.sends().stream()
            .filter(s -> !s.at().isAfter(evening))
            .filter(s -> s.at().isAfter(monday.accepted().get(s.eventId()).planned().at()))
            .toList();
    assertThat(late).isNotEmpty();
    int afterDecision = 0;
    for (SimDay.Send s : late) {
      Planned p = monday.accepted().get(s.eventId()).planned();
      assertThat(p.isAttendance()).isFalse();
      assertThat(postedAt.get(s.eventId())).isAfterOrEqualTo(s.at());
      Instant decided = decision(policy, p);
      if (decided != null && postedAt.get(s.eventId()).isAfter(decided)) afterDecision++;
    }
    assertThat(afterDecision).isPositive();
    assertThat(sim.stats().lateUploads()).isEqualTo(late.size());
    assertThat(sim.stats().heldBack()).isZero();
    assertThat(sim.stats().line()).contains(String.format("%,d uploaded late", late.size()));
  }

  /** When the location window holding a ping is decided (its end plus the lateness), or null. */
  static Instant decision(Policy policy, Planned p) {
    ZoneId zone = CITY.unit(p.unitId()).zone();
    LocalDate date = LocalDate.ofInstant(p.at(), zone);
    for (String[] w : policy.locationWindows) {
      Instant from = date.atTime(java.time.LocalTime.parse(w[0])).atZone(zone).toInstant();
      Instant decide =
          date.atTime(java.time.LocalTime.parse(w[1]))
              .atZone(zone)
              .toInstant()
              .plusSeconds(policy.allowedLatenessS);
      if (!p.at().isBefore(from) && !p.at().isAfter(decide)) return decide;
    }
    return null;
  }

  @Test
  void splitsALargeBackfillIntoBatchesOfAtMost5000Lines() throws Exception {
    FakeIngest ingest = ingest();
    Instant evening = Instant.parse("2026-11-23T13:00:00Z"); // 20:00 WIB
    LiveSimulator sim = simulator(ingest.uri(), null, Clock.fixed(evening, ZoneOffset.UTC));
    sim.start();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();
    int dayTotal = plannedUpTo(evening).size();
    assertThat(dayTotal).isGreaterThan(IngestClient.MAX_LINES);
    assertThat(ingest.eventPosts()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ingest.eventPosts())
        .allSatisfy(p -> assertThat(p.lines()).hasSizeLessThanOrEqualTo(5_000));
    assertThat(ingest.postedLines()).hasSize(dayTotal);
  }

  @Test
  void retriesWhileIngestAnswers503AndLosesNothing() throws Exception {
    FakeIngest ingest = ingest();
    ingest.unavailableEventPosts.set(3);
    LiveSimulator sim = backfilled(ingest, null);
    assertThat(ids(ingest.postedLines())).isEqualTo(plannedUpTo(MORNING));
    assertThat(sim.stats().retries()).isEqualTo(3);
    assertThat(logs).anyMatch(l -> l.startsWith("ingest not ready") && l.contains("HTTP 503"));
    assertThat(logs).contains("ingest is answering at " + ingest.uri());
  }

  @Test
  void waitsForAnIngestThatIsStillStarting() throws Exception {
    int port = FreePort.find(); // nobody listens there yet
    LiveSimulator sim =
        simulator(
            URI.create("http://127.0.0.1:" + port), null, Clock.fixed(MORNING, ZoneOffset.UTC));
    sim.start();
    await(
        "a logged refused connection",
        Duration.ofSeconds(30),
        () -> logs.stream().anyMatch(l -> l.contains("connection refused")));
    assertThat(sim.stats().retries()).isPositive();
    assertThat(sim.stats().unitsPut()).isZero();

    FakeIngest ingest = ingest(port);
    assertThat(sim.awaitBackfill(Duration.ofSeconds(60))).isTrue();
    assertThat(sim.stats().unitsPut()).isEqualTo(CITY.units().size());
    assertThat(ids(ingest.postedLines())).isEqualTo(plannedUpTo(MORNING));
  }

  @Test
  void logsEachRejectedEventOnceAndCountsIt() throws Exception {
    FakeIngest ingest = ingest();
    AtomicReference<String> victim = new AtomicReference<>();
    ingest.rejected =
        lines -> {
          String id = readTree(lines.get(0)).get("eventId").asText();
          if (!victim.compareAndSet(null, id)) return "[]";
          return "[{\"line\": 1, \"eventId\": \"" + id + "\", \"errors\": [\"nip: is required\"]}]";
        };
    LiveSimulator sim = backfilled(ingest, null);
    LiveStats stats = sim.stats();
    assertThat(stats.eventsRejected()).isEqualTo(1);
    assertThat(stats.eventsAccepted()).isEqualTo(stats.eventsSent() - 1);
    assertThat(stats.line()).contains("1 rejected");
    assertThat(logs.stream().filter(l -> l.contains(victim.get())))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("rejected").contains("nip: is required"));
  }

  @Test
  void closingStopsTheSimulatorEvenWhileIngestIsDown() throws Exception {
    int port = FreePort.find(); // nobody listens there yet
    LiveSimulator sim =
        new LiveSimulator(
            CITY,
            URI.create("http://127.0.0.1:" + port),
            null,
            Clock.fixed(MORNING, ZoneOffset.UTC));
    sim.start();
    await("a refused connection", Duration.ofSeconds(30), () -> sim.stats().retries() > 0);
    sim.close();
    assertThat(sim.awaitBackfill(Duration.ofSeconds(10))).isTrue();
    assertThat(sim.stats().eventsSent()).isZero();
    sim.close(); // idempotent
  }
}

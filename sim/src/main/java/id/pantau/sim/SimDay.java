package id.pantau.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.GeoFix;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.ZoneLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated day as it reaches ingest: the {@link CityDay}, plus the reference data (units,
 * regions, zone levels with a change at noon in one region, the roster of every employee on duty)
 * and the {@link Faults} of delivery (offline phones uploading late, duplicates, malformed records,
 * mock locations). Every record has the simulated instant it is sent at; ingest receives it at the
 * end of its {@link #STEP} (the sender posts each step's records in one request, with the simulated
 * clock at the step's end), so receipt times — and with them the late uploads — are part of the
 * day, not of the machine it is replayed on. Deterministic: same city, date and faults, same day.
 */
public final class SimDay {
  /** Records sent in one simulated minute go in one request, received at the minute's end. */
  public static final Duration STEP = Duration.ofMinutes(1);

  private static final long FAULT_SALT = 0x46415554L;
  private static final long ROSTER_SALT = 0x524F5354L;
  private static final long ZONE_SALT = 0x5A4F4E45L;

  /** One zone-level version of a region (PUT /v1/zones/{region}). */
  public record ZoneVersion(String regionId, ZoneLevel level, Instant effectiveFrom) {}

  /** What a sent record is, for the sender's accounting. */
  public enum Kind {
    EVENT,
    DUPLICATE,
    /** A malformed line inside an NDJSON batch: ingest lists it in "rejected". */
    MALFORMED_LINE,
    /** A malformed event posted alone as application/json: ingest answers 400. */
    MALFORMED_SINGLE
  }

  /** A record sent at a simulated instant. */
  public record Send(Instant at, Kind kind, String eventId, String line) {}

  /**
   * An event as ingest accepts it: the planned event, whether its phone reported a mock location,
   * when ingest first got it, and its fix as sent (moved outside the region for staff away).
   */
  public record Accepted(Planned planned, boolean mock, Instant receivedAt, GeoFix fix) {
    public String eventId() {
      return planned.eventId();
    }
  }

  private final Faults faults;
  private final CityDay plan;
  private final List<ZoneVersion> zones = new ArrayList<>();
  private final List<RosterEntry> rosters = new ArrayList<>();
  private final List<Send> sends = new ArrayList<>();
  private final Map<String, Accepted> accepted = new LinkedHashMap<>();
  private final Instant referenceAt;
  private int malformed;

  private SimDay(City city, LocalDate date, Faults faults) {
    this.faults = faults;
    this.plan = CityDay.of(city, date);
    long seed = city.seed();
    long day = date.toEpochDay();

    Instant first = null;
    for (CityRegion r : city.regions()) {
      Instant midnight = date.atStartOfDay(r.zone()).toInstant();
      if (first == null || midnight.isBefore(first)) first = midnight;
    }
    // Reference data goes in an hour before the day begins anywhere.
    this.referenceAt = first.minus(Duration.ofHours(1));

    // Zone levels: each region's level from the day before, and one region one level up at noon.
    Rng zr = Rng.of(seed, ZONE_SALT, day);
    int changing = zr.nextInt(city.regions().size());
    for (int i = 0; i < city.regions().size(); i++) {
      CityRegion r = city.regions().get(i);
      zones.add(
          new ZoneVersion(r.id(), r.level(), date.minusDays(1).atStartOfDay(r.zone()).toInstant()));
      if (i == changing) {
        ZoneLevel up = r.level() == ZoneLevel.LOW ? ZoneLevel.MEDIUM : ZoneLevel.HIGH;
        zones.add(
            new ZoneVersion(r.id(), up, date.atTime(LocalTime.NOON).atZone(r.zone()).toInstant()));
      }
    }

    // Rosters: WFO and WFH as planned, the round-the-clock crews as PIKET with their shift's start,
    // and some of those who
    // do not come at all on leave or sick.
    for (Assignment a : plan.assignments()) {
      if (!a.onDuty()) continue;
      RosterEntry row = new RosterEntry();
      row.nip = a.nip();
      row.unitId = a.unitId();
      row.date = date.toString();
      row.homeRegion = a.employee().regionId();
      if (a.shift() != Shift.OFFICE) {
        row.mode = RosterMode.PIKET;
        // The crew's check-in is due at its shift's start, not at the office deadline.
        row.shiftStart = a.shift().start().toString();
      } else row.mode = a.mode() == id.pantau.events.WorkMode.WFO ? RosterMode.WFO : RosterMode.WFH;
      if (a.shift() == Shift.OFFICE && !a.checkedIn()) {
        Rng lr = Rng.of(seed, ROSTER_SALT, day, Rng.hash(a.nip()));
        if (lr.chance(faults.leaveShare())) {
          row.mode = lr.chance(0.5) ? RosterMode.LEAVE : RosterMode.SICK;
        }
      }
      rosters.add(row);
    }

    // Events: on time, or uploaded late by an offline phone; some twice; some with a mock fix.
    int seq = 0;
    for (Planned p : plan.events()) {
      Rng r = Rng.of(seed, FAULT_SALT, day, Rng.hash(p.eventId()));
      boolean mock = !p.isAttendance() && r.chance(faults.mockShare());
      Instant at = p.at();
      if (!p.isAttendance() && r.chance(faults.offlineShare())) {
        at = at.plus(Duration.ofSeconds(r.between(10 * 60, 150 * 60)));
      }
      GeoFix fix = fix(p, mock, seed, day);
      String line = line(p, fix);
      sends.add(new Send(at, Kind.EVENT, p.eventId(), line));
      accepted.put(p.eventId(), new Accepted(p, mock, receipt(at), fix));
      if (r.chance(faults.duplicateShare())) {
        sends.add(
            new Send(
                at.plus(Duration.ofSeconds(r.between(0, 20 * 60))),
                Kind.DUPLICATE,
                p.eventId(),
                line));
      }
      seq++;
    }

    // Malformed records, spread over the day, each refused by ingest for a named reason.
    if (faults.malformedShare() > 0) {
      Rng r = Rng.of(seed, FAULT_SALT, day, 0x42414421L);
      int n = Math.max(1, (int) Math.round(seq * faults.malformedShare()));
      List<Planned> events = plan.events();
      for (int i = 0; i < n; i++) {
        Planned p = events.get(r.nextInt(events.size()));
        String id = "malformed-" + date + "-" + i;
        boolean single = i % 4 == 1;
        sends.add(
            new Send(
                p.at(),
                single ? Kind.MALFORMED_SINGLE : Kind.MALFORMED_LINE,
                id,
                malformed(p, id, i)));
        malformed++;
      }
    }
    sends.sort(Comparator.comparing(Send::at));
  }

  public static SimDay of(City city, LocalDate date, Faults faults) {
    return new SimDay(city, date, faults);
  }

  /** The end of the step that holds {@code at}: when ingest receives a record sent at it. */
  public static Instant receipt(Instant at) {
    long step = STEP.toMillis();
    long ms = at.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(ms + step - 1, step) * step);
  }

  /** The fix as sent: mock when the phone says so, 55–110 km away for staff away that day. */
  private GeoFix fix(Planned p, boolean mock, long seed, long day) {
    GeoFix f = p.isAttendance() ? p.attendance().location : p.location().location;
    if (f == null) return null;
    boolean wfh = !p.isAttendance() || p.attendance().mode == id.pantau.events.WorkMode.WFH;
    Rng away = Rng.of(seed, FAULT_SALT, day, Rng.hash(p.nip()), 0x41574159L);
    boolean isAway = wfh && away.chance(faults.awayShare());
    if (!mock && !isAway) return f;
    double lat = f.lat, lon = f.lon;
    if (isAway) {
      double[] moved =
          Coordinates.offset(lat, lon, away.uniform(55_000, 110_000), away.uniform(0, 2 * Math.PI));
      lat = Coordinates.round6(moved[0]);
      lon = Coordinates.round6(moved[1]);
    }
    return new GeoFix(lat, lon, f.accuracyM, mock || Boolean.TRUE.equals(f.mock));
  }

  private static String line(Planned p, GeoFix fix) {
    ObjectNode n = Json.MAPPER.valueToTree(p.event());
    if (fix != null) n.set("location", Json.MAPPER.valueToTree(fix));
    return n.toString();
  }

  /** A malformed variant of a real event: each kind names a field ingest must refuse. */
  private static String malformed(Planned p, String id, int i) {
    ObjectNode n = Json.MAPPER.valueToTree(p.event());
    n.put("eventId", id);
    switch (i % 6) {
      case 0 -> n.remove("nip");
      case 1 -> n.put("time", "07:12 tomorrow");
      case 2 -> n.put("type", "selfie");
      case 3 -> n.put("unitId", "");
      case 4 -> {
        if (n.has("location")) ((ObjectNode) n.get("location")).put("lat", 123.4);
        else n.put("nip", "not a nip!");
      }
      default -> {
        return n.toString().substring(0, n.toString().length() / 2); // cut off: not JSON
      }
    }
    return n.toString();
  }

  public City city() {
    return plan.city();
  }

  public LocalDate date() {
    return plan.date();
  }

  public Faults faults() {
    return faults;
  }

  public CityDay plan() {
    return plan;
  }

  /** When the reference data (units, regions, zones, rosters) is sent. */
  public Instant referenceAt() {
    return referenceAt;
  }

  public List<ZoneVersion> zones() {
    return zones;
  }

  public List<RosterEntry> rosters() {
    return rosters;
  }

  /** Everything sent after the reference data, in order of the simulated instant it is sent at. */
  public List<Send> sends() {
    return sends;
  }

  /** The events ingest accepts (each once, by eventId), with their receipt time. */
  public Map<String, Accepted> accepted() {
    return accepted;
  }

  /** How many malformed records are sent (ingest must refuse every one). */
  public int malformed() {
    return malformed;
  }

  /** The local zone of a unit. */
  public ZoneId zone(String unitId) {
    return plan.city().unit(unitId).zone();
  }
}

package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/** Valid bodies of ingest's endpoints as JSON trees, for {@link JsonFuzz} to spoil. */
final class Bodies {
  private static final List<String> ZONES =
      List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura");

  private Bodies() {}

  static String nip(SplittableRandom r) {
    return "19" + (100_000_000_000_000L + r.nextLong(899_999_999_999_999L));
  }

  static String unit(SplittableRandom r) {
    return r.nextInt(8) == 0 ? "fz-" + Hostile.word(r) : Hostile.pick(r, List.of(Callers.UNITS));
  }

  /** An attendance event of the last two minutes (valid as it stands). */
  static ObjectNode attendance(SplittableRandom r, String eventId, Instant now) {
    ObjectNode e = head(r, "attendance", eventId);
    e.put("action", r.nextBoolean() ? "CHECK_IN" : "CHECK_OUT");
    e.put("mode", r.nextBoolean() ? "WFO" : "WFH");
    e.put("time", recent(r, now));
    boolean app = r.nextBoolean();
    e.put("source", app ? "APP" : Hostile.pick(r, List.of("KIOSK", "MANUAL")));
    if (app || r.nextBoolean()) e.set("location", fix(r));
    if (r.nextBoolean()) e.put("deviceId", "dev-" + Hostile.word(r));
    return e;
  }

  /** A location ping of the last two minutes (valid as it stands). */
  static ObjectNode location(SplittableRandom r, String eventId, Instant now) {
    ObjectNode e = head(r, "location", eventId);
    e.put("time", recent(r, now));
    e.set("location", fix(r));
    if (r.nextBoolean()) e.put("deviceId", "dev-" + Hostile.word(r));
    return e;
  }

  /**
   * The fields every event starts with: its type first (as devices write it), its ID, who, where.
   */
  private static ObjectNode head(SplittableRandom r, String type, String eventId) {
    ObjectNode e = JsonFuzz.NODES.objectNode();
    e.put("type", type);
    e.put("eventId", eventId);
    e.put("nip", nip(r));
    e.put("unitId", unit(r));
    return e;
  }

  static ObjectNode event(SplittableRandom r, String eventId, Instant now) {
    return r.nextInt(3) == 0 ? location(r, eventId, now) : attendance(r, eventId, now);
  }

  private static String recent(SplittableRandom r, Instant now) {
    return now.minusSeconds(1 + r.nextInt(120)).atOffset(ZoneOffset.ofHours(7)).toString();
  }

  static ObjectNode fix(SplittableRandom r) {
    ObjectNode f = JsonFuzz.NODES.objectNode();
    f.put("lat", -6.2 + r.nextDouble() / 10);
    f.put("lon", 106.6 + r.nextDouble() / 10);
    f.put("accuracyM", 5 + r.nextInt(200));
    if (r.nextInt(4) == 0) f.put("mock", r.nextBoolean());
    return f;
  }

  static ObjectNode unitBody(SplittableRandom r, String unitId, boolean withId, Instant now) {
    ObjectNode u = JsonFuzz.NODES.objectNode();
    if (withId) u.put("unitId", unitId);
    u.put("name", "Unit " + Hostile.word(r));
    u.put("region", r.nextInt(4) == 0 ? Callers.OTHER_REGION : Callers.REGION);
    u.put("timeZone", Hostile.pick(r, ZONES));
    int headcount = 1 + r.nextInt(500);
    u.put("headcount", headcount);
    if (r.nextBoolean()) {
      u.put("essential", true);
      u.put("minPresent", r.nextInt(headcount));
    }
    if (r.nextBoolean()) {
      ObjectNode o = u.putObject("office");
      o.put("lat", -6.2);
      o.put("lon", 106.6);
      o.put("radiusM", 50 + r.nextInt(500));
    }
    if (r.nextInt(3) == 0) u.put("effectiveFrom", now.toString());
    return u;
  }

  static ObjectNode zone(SplittableRandom r, String region, Instant now) {
    ObjectNode z = JsonFuzz.NODES.objectNode();
    if (region != null) z.put("region", region);
    z.put("level", Hostile.pick(r, List.of("LOW", "MEDIUM", "HIGH")));
    z.put("effectiveFrom", now.plusSeconds(r.nextInt(86_400 * 30)).toString());
    return z;
  }

  static ObjectNode policy(SplittableRandom r, String region, Instant now) {
    ObjectNode p = JsonFuzz.NODES.objectNode();
    if (region != null) p.put("region", region);
    p.put("effectiveFrom", now.plusSeconds(r.nextInt(86_400 * 30)).toString());
    ObjectNode cap = p.putObject("capPercent");
    cap.put("low", 75);
    cap.put("medium", 50);
    cap.put("high", 25);
    cap.put("exposed", 5);
    p.put("breachDwellS", 300);
    p.putArray("serviceHours").add("08:00").add("15:00");
    p.put("checkinDeadline", "07:30");
    p.put("checkinCutoff", "12:00");
    ArrayNode windows = p.putArray("locationWindows");
    windows.addArray().add("07:30").add("09:00");
    windows.addArray().add("11:30").add("13:00");
    p.put("allowedLatenessS", 600);
    return p;
  }

  static ObjectNode exposure(SplittableRandom r, Instant now) {
    ObjectNode e = JsonFuzz.NODES.objectNode();
    e.put("exposed", r.nextBoolean());
    e.put("effectiveFrom", now.plusSeconds(r.nextInt(86_400)).toString());
    return e;
  }

  static ObjectNode region(SplittableRandom r, String region) {
    ObjectNode g = JsonFuzz.NODES.objectNode();
    if (region != null) g.put("region", region);
    g.put("name", "Kota " + Hostile.word(r));
    g.put("province", "Banten");
    g.put("timeZone", Hostile.pick(r, ZONES));
    ObjectNode b = g.putObject("boundary");
    double lon = 106.5 + r.nextDouble() / 10;
    double lat = -6.3 + r.nextDouble() / 10;
    double d = 0.01 + r.nextDouble() / 5;
    if (r.nextInt(5) == 0) {
      // many positions: a circle-like ring
      b.put("type", "Polygon");
      ArrayNode ring = b.putArray("coordinates").addArray();
      int n = 4 + r.nextInt(2_000);
      for (int i = 0; i < n; i++) {
        double a = 2 * Math.PI * i / n;
        ring.addArray().add(lon + d * Math.cos(a)).add(lat + d * Math.sin(a));
      }
      ring.add(ring.get(0).deepCopy());
    } else {
      b.put("type", "Polygon");
      ArrayNode ring = b.putArray("coordinates").addArray();
      ring.addArray().add(lon).add(lat);
      ring.addArray().add(lon + d).add(lat);
      ring.addArray().add(lon + d).add(lat + d);
      ring.addArray().add(lon).add(lat + d);
      ring.addArray().add(lon).add(lat);
    }
    return g;
  }

  static ObjectNode roster(SplittableRandom r, LocalDate today) {
    ObjectNode row = JsonFuzz.NODES.objectNode();
    row.put("nip", nip(r));
    row.put("unitId", unit(r));
    row.put("date", today.plusDays(r.nextInt(5) - 1L).toString());
    row.put(
        "mode",
        Hostile.pick(r, List.of("WFO", "WFH", "PIKET", "LEAVE", "SICK", "OFFICIAL_TRAVEL")));
    if (r.nextBoolean()) row.put("homeRegion", Callers.REGION);
    if (r.nextInt(4) == 0)
      row.put("shiftStart", Hostile.pick(r, List.of("07:00", "15:00", "23:00")));
    return row;
  }
}

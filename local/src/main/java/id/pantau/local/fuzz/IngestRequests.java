package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.local.fuzz.FuzzRequest.Service;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Requests to every route of ingest: events (single, NDJSON batches, over the line limit; a quarter
 * of them signed by a device, {@link SignedPosts}), units, exposure, zones, policies, regions
 * (single and bulk, JSON and CSV), rosters and health, each valid or spoiled in its body; {@link
 * HttpTricks} spoils the rest.
 */
record IngestRequests(Callers callers, long maxBodyBytes, int maxLines) {
  static final String JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  /** Columns of the CSV uploads, as ingest's README names them. */
  static final List<String> UNIT_COLUMNS =
      List.of("unitId", "name", "region", "timeZone", "headcount", "essential", "minPresent");

  static final List<String> ZONE_COLUMNS = List.of("region", "level", "effectiveFrom");
  static final List<String> POLICY_COLUMNS =
      List.of("region", "effectiveFrom", "breachDwellS", "checkinDeadline", "checkinCutoff");
  static final List<String> ROSTER_COLUMNS =
      List.of("nip", "unitId", "date", "mode", "homeRegion", "shiftStart");

  /** The roles that may write reference data. */
  private static final String[] WRITERS = {"admin", "operator", "regional"};

  /** One request; event IDs of valid events start with {@code idPrefix}. */
  FuzzRequest next(SplittableRandom r, Instant now, String idPrefix) {
    int pick = r.nextInt(100);
    if (pick < 40) return events(r, now, idPrefix);
    if (pick < 47) return unit(r, now);
    if (pick < 53) return units(r, now);
    if (pick < 58) return exposure(r, now);
    if (pick < 63) return zone(r, now);
    if (pick < 68) return zones(r, now);
    if (pick < 73) return policy(r, now);
    if (pick < 78) return policies(r, now);
    if (pick < 83) return regionOne(r);
    if (pick < 87) return regions(r);
    if (pick < 92) return rosters(r, now);
    if (pick < 96) return SignedPosts.registration(r, callers);
    return FuzzRequest.of(
        Service.INGEST, "health", "GET", "/v1/health", List.of(), null, Set.of(200));
  }

  // --- events -------------------------------------------------------------------------------

  FuzzRequest events(SplittableRandom r, Instant now, String idPrefix) {
    int kind = r.nextInt(20);
    if (kind == 0) return overLines(r, now, idPrefix);
    if (kind == 1) return overBytes(r, now, idPrefix);
    int lines = kind < 10 ? 1 : 2 + r.nextInt(r.nextBoolean() ? 8 : 60);
    boolean single = lines == 1 && r.nextInt(4) != 0;
    boolean signed = r.nextInt(4) == 0;
    List<String> valid = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      if (i > 0 && r.nextInt(20) == 0) body.append(r.nextBoolean() ? "\n" : "\r\n  \n");
      String id = idPrefix + "-" + i;
      JsonFuzz.Doc doc = new JsonFuzz.Doc(Bodies.event(r, id, now));
      if (signed && r.nextInt(12) != 0) SignedPosts.own((ObjectNode) doc.root);
      int fate = r.nextInt(10);
      String line;
      if (fate < 5) {
        line = Hostile.utf8(doc.text());
        valid.add(id);
      } else if (fate < 7) {
        ((ObjectNode) doc.root).put("time", Hostile.eventTime(r, now));
        line = Hostile.utf8(doc.text());
      } else if (fate < 9) {
        JsonFuzz.mutateTree(r, doc);
        line = Hostile.utf8(doc.text());
      } else {
        line = JsonFuzz.breakText(r, doc.text());
      }
      body.append(line.replace("\n", " ").replace("\r", " ")).append('\n');
    }
    String type = single ? JSON : r.nextInt(6) == 0 ? "application/ndjson" : NDJSON;
    FuzzRequest request =
        post(
            "/v1/events",
            "events: " + lines + " line(s)",
            type,
            token(r, "device", "operator", "admin"),
            JsonFuzz.bytes(body.toString()),
            Set.of(202));
    if (signed) request = SignedPosts.sign(r, now, callers, request);
    return request.withEventIds(valid);
  }

  /** A batch of a few lines more than ingest takes, each short: 413 however valid they are. */
  private FuzzRequest overLines(SplittableRandom r, Instant now, String idPrefix) {
    StringBuilder body = new StringBuilder();
    int lines = maxLines + 1 + r.nextInt(3);
    for (int i = 0; i < lines; i++) {
      body.append("{\"type\":\"attendance\",\"eventId\":\"")
          .append(idPrefix)
          .append("-x")
          .append(i);
      body.append("\"}\n");
    }
    return post(
        "/v1/events",
        "events: " + lines + " lines, over the line limit",
        NDJSON,
        token(r, "device", "operator", "admin"),
        JsonFuzz.bytes(body.toString()),
        Set.of());
  }

  /** Valid events past ingest's body limit (up to twice it): 413, read to its end first. */
  private FuzzRequest overBytes(SplittableRandom r, Instant now, String idPrefix) {
    long target = maxBodyBytes + 1 + r.nextLong(maxBodyBytes);
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() <= target; i++) {
      body.append(new JsonFuzz.Doc(Bodies.event(r, idPrefix + "-b" + i, now)).text()).append('\n');
    }
    return post(
        "/v1/events",
        "events: " + body.length() + " bytes, over the body limit",
        NDJSON,
        token(r, "device", "operator", "admin"),
        JsonFuzz.bytes(body.toString()),
        Set.of());
  }

  /** The same valid event posted several times, one post after the other (one task). */
  List<FuzzRequest> duplicates(SplittableRandom r, Instant now, String idPrefix) {
    String id = idPrefix + "-dup";
    String event = Hostile.utf8(new JsonFuzz.Doc(Bodies.event(r, id, now)).text());
    List<FuzzRequest> posts = new ArrayList<>();
    int n = 2 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String token = callers.token(Hostile.pick(r, List.of("device", "operator", "admin")));
      FuzzRequest post =
          switch (r.nextInt(3)) {
            case 0 ->
                post(
                    "/v1/events",
                    "duplicate " + (i + 1),
                    JSON,
                    token,
                    JsonFuzz.bytes(event),
                    Set.of(202));
            case 1 ->
                post(
                    "/v1/events",
                    "duplicate " + (i + 1) + " twice in a batch",
                    NDJSON,
                    token,
                    JsonFuzz.bytes(event + "\n" + event + "\n"),
                    Set.of(202));
            default -> {
              String other = idPrefix + "-dup-other-" + i;
              String second = Hostile.utf8(new JsonFuzz.Doc(Bodies.event(r, other, now)).text());
              yield post(
                      "/v1/events",
                      "duplicate " + (i + 1) + " beside a new event",
                      NDJSON,
                      token,
                      JsonFuzz.bytes(second + "\n" + event + "\n"),
                      Set.of(202))
                  .withEventIds(List.of(other));
            }
          };
      List<String> ids = new ArrayList<>(post.eventIds());
      ids.add(id);
      posts.add(post.withEventIds(ids));
    }
    return posts;
  }

  // --- reference data -----------------------------------------------------------------------

  private FuzzRequest unit(SplittableRandom r, Instant now) {
    String unitId = pathValue(r, Bodies.unit(r));
    JsonFuzz.Doc doc = new JsonFuzz.Doc(Bodies.unitBody(r, unitId, r.nextInt(4) == 0, now));
    return put(r, "/v1/units/" + unitId, "unit", doc, WRITERS);
  }

  private FuzzRequest units(SplittableRandom r, Instant now) {
    int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 800 : 6);
    return rows(
        r,
        "/v1/units",
        "units",
        n,
        () -> Bodies.unitBody(r, Bodies.unit(r), true, now),
        UNIT_COLUMNS);
  }

  private FuzzRequest exposure(SplittableRandom r, Instant now) {
    String unitId = pathValue(r, Bodies.unit(r));
    JsonFuzz.Doc doc = new JsonFuzz.Doc(Bodies.exposure(r, now));
    return put(r, "/v1/units/" + unitId + "/exposure", "exposure", doc, WRITERS);
  }

  private FuzzRequest zone(SplittableRandom r, Instant now) {
    return ofRegion(r, "/v1/zones", "zone", () -> Bodies.zone(r, null, now));
  }

  private FuzzRequest zones(SplittableRandom r, Instant now) {
    int n = 1 + r.nextInt(6);
    return rows(
        r, "/v1/zones", "zones", n, () -> Bodies.zone(r, Callers.REGION, now), ZONE_COLUMNS);
  }

  private FuzzRequest policy(SplittableRandom r, Instant now) {
    return ofRegion(r, "/v1/policies", "policy", () -> Bodies.policy(r, null, now));
  }

  private FuzzRequest policies(SplittableRandom r, Instant now) {
    int n = 1 + r.nextInt(4);
    return rows(
        r,
        "/v1/policies",
        "policies",
        n,
        () -> Bodies.policy(r, Callers.REGION, now),
        POLICY_COLUMNS);
  }

  private FuzzRequest regionOne(SplittableRandom r) {
    return ofRegion(r, "/v1/regions", "region", () -> Bodies.region(r, null));
  }

  /** PUT {path}/{region}: one region's zone level, policy or boundary. */
  private FuzzRequest ofRegion(
      SplittableRandom r, String path, String what, Supplier<ObjectNode> body) {
    String region = pathValue(r, Callers.REGION);
    JsonFuzz.Doc doc = new JsonFuzz.Doc(body.get());
    return put(r, path + "/" + region, what, doc, WRITERS);
  }

  /** A bulk upload of {@code n} rows, as CSV or a JSON array. */
  private FuzzRequest rows(
      SplittableRandom r,
      String path,
      String what,
      int n,
      Supplier<ObjectNode> row,
      List<String> columns) {
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) rows.add(row.get());
    return bulk(r, path, what, rows, columns, WRITERS);
  }

  private FuzzRequest regions(SplittableRandom r) {
    ArrayNode all = JsonFuzz.NODES.arrayNode();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++)
      all.add(Bodies.region(r, i == 0 ? Callers.REGION : "fz-" + Hostile.word(r)));
    JsonFuzz.Doc doc = new JsonFuzz.Doc(all);
    return put(r, "/v1/regions", "regions", doc, WRITERS);
  }

  private FuzzRequest rosters(SplittableRandom r, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Jakarta"));
    List<ObjectNode> rows = new ArrayList<>();
    int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 500 : 8);
    for (int i = 0; i < n; i++) rows.add(Bodies.roster(r, today));
    String token = token(r, WRITERS);
    boolean spoil = r.nextInt(3) == 0;
    return switch (r.nextInt(4)) {
      case 0 ->
          post(
              "/v1/rosters",
              "rosters as CSV",
              CSV,
              token,
              JsonFuzz.bytes(CsvFuzz.text(r, CsvFuzz.table(ROSTER_COLUMNS, rows), spoil)),
              Set.of(200));
      case 1 -> {
        StringBuilder s = new StringBuilder();
        for (ObjectNode row : rows) {
          JsonFuzz.Doc doc = new JsonFuzz.Doc(row);
          if (spoil && r.nextInt(3) == 0) JsonFuzz.mutateTree(r, doc);
          s.append(Hostile.utf8(doc.text())).append('\n');
        }
        yield post(
            "/v1/rosters",
            "rosters as NDJSON",
            NDJSON,
            token,
            JsonFuzz.bytes(s.toString()),
            Set.of(200));
      }
      default -> {
        ArrayNode array = JsonFuzz.NODES.arrayNode();
        rows.forEach(array::add);
        JsonFuzz.Doc doc = new JsonFuzz.Doc(r.nextInt(4) == 0 ? rows.get(0) : array);
        yield jsonBody(r, "POST", "/v1/rosters", "rosters as JSON", doc, token, spoil, Set.of(200));
      }
    };
  }

  // --- helpers ------------------------------------------------------------------------------

  /** A unit or region in a path: mostly the plain one, sometimes hostile (percent-encoded). */
  static String pathValue(SplittableRandom r, String plain) {
    return r.nextInt(6) == 0 ? Hostile.encode(Hostile.text(r)) : plain;
  }

  private FuzzRequest put(
      SplittableRandom r, String path, String what, JsonFuzz.Doc doc, String... roles) {
    boolean spoil = r.nextInt(3) == 0;
    return jsonBody(r, "PUT", path, what, doc, token(r, roles), spoil, Set.of(200));
  }

  private FuzzRequest bulk(
      SplittableRandom r,
      String path,
      String what,
      List<ObjectNode> rows,
      List<String> columns,
      String... roles) {
    boolean spoil = r.nextInt(3) == 0;
    String token = token(r, roles);
    if (r.nextBoolean()) {
      String csv = CsvFuzz.text(r, CsvFuzz.table(columns, rows), spoil);
      return put(path, what + " as CSV", CSV, token, JsonFuzz.bytes(csv), Set.of(200));
    }
    ArrayNode array = JsonFuzz.NODES.arrayNode();
    rows.forEach(array::add);
    return jsonBody(
        r, "PUT", path, what + " as JSON", new JsonFuzz.Doc(array), token, spoil, Set.of(200));
  }

  private static FuzzRequest jsonBody(
      SplittableRandom r,
      String method,
      String path,
      String what,
      JsonFuzz.Doc doc,
      String token,
      boolean spoil,
      Set<Integer> ok) {
    String text;
    if (!spoil) {
      text = Hostile.utf8(doc.text());
    } else if (r.nextInt(4) == 0) {
      text = JsonFuzz.breakText(r, doc.text());
      what += " (broken JSON)";
    } else {
      JsonFuzz.mutateTree(r, doc);
      text = Hostile.utf8(doc.text());
      what += " (spoiled fields)";
    }
    return FuzzRequest.of(
        Service.INGEST, what, method, path, headers(JSON, token), JsonFuzz.bytes(text), ok);
  }

  private static FuzzRequest put(
      String path, String what, String type, String token, byte[] body, Set<Integer> ok) {
    return FuzzRequest.of(Service.INGEST, what, "PUT", path, headers(type, token), body, ok);
  }

  private static FuzzRequest post(
      String path, String what, String type, String token, byte[] body, Set<Integer> ok) {
    return FuzzRequest.of(Service.INGEST, what, "POST", path, headers(type, token), body, ok);
  }

  static List<String[]> headers(String type, String token) {
    List<String[]> h = new ArrayList<>();
    h.add(new String[] {"Content-Type", type});
    if (token != null) h.add(new String[] {"Authorization", "Bearer " + token});
    return h;
  }

  /** A token of one of the roles allowed here. */
  private String token(SplittableRandom r, String... roles) {
    return callers.token(roles[r.nextInt(roles.length)]);
  }
}

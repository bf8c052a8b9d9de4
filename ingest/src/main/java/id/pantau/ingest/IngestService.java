package id.pantau.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.Principal;
import id.pantau.access.TokenStore;
import id.pantau.events.Decoded;
import id.pantau.events.Exposure;
import id.pantau.events.Json;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Everything ingest does with a request, HTTP aside: authorize, check the content type, decode and
 * validate, stamp, deduplicate, publish, and wait until Kafka acknowledged. Refusals are thrown as
 * {@link IngestException}; answers come back as a {@link Reply} (status and JSON body).
 */
public final class IngestService {
  /** What a handler hands over: the raw header values and a way to read the body with a limit. */
  public record Request(String authorization, String contentType, Body body) {}

  /** Reads the body, refusing (413) past the limit; read only once the request is authorized. */
  @FunctionalInterface
  public interface Body {
    byte[] read(long maxBytes);
  }

  /** An answer: the status and the object written as the JSON body. */
  public record Reply(int status, Object body) {}

  /** One refused line of an event post. */
  public record Rejection(int line, String eventId, List<String> errors) {}

  /** The answer to an event post; error and errors are there only when nothing was accepted. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BatchReply(
      int accepted, List<Rejection> rejected, String error, List<String> errors) {}

  /** The answer to a bulk unit upload. */
  public record UnitsReply(int accepted, List<String> unitIds) {}

  /** The answer of the health endpoint. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(String kafka, String error) {}

  static final String JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  /** Added to the producer's own bound, for the callbacks to arrive. */
  private static final long ACK_SLACK_MS = 2000;

  private static final ObjectReader TREE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final IngestConfig config;
  private final EventPublisher publisher;
  private final IngestAccess access;
  private final RecentEventIds recent;
  private final Clock clock;
  private final UnitDirectory directory;
  private final ClockGuard guard;

  /** A service whose unit directory knows only the units it produced itself. */
  public IngestService(
      IngestConfig config, EventPublisher publisher, TokenStore tokens, Clock clock) {
    this(config, publisher, tokens, clock, new UnitDirectory(null));
  }

  IngestService(
      IngestConfig config,
      EventPublisher publisher,
      TokenStore tokens,
      Clock clock,
      UnitDirectory directory) {
    this.config = config;
    this.publisher = publisher;
    this.access = new IngestAccess(tokens, config.relaxDeviceAuth());
    this.recent = new RecentEventIds(config.dedupCapacity());
    this.clock = clock;
    this.directory = directory;
    this.guard = new ClockGuard(config.timeBounds(), clock);
  }

  // ---------------------------------------------------------------- events

  /**
   * POST /v1/events: one event (application/json) or one a line (application/x-ndjson). A request
   * that cannot be taken at all is refused at once (thrown); otherwise the answer completes once
   * Kafka acknowledged every accepted event, or fails with the {@link IngestException} to answer.
   * No thread waits for Kafka meanwhile, so many requests can be in flight.
   */
  public CompletableFuture<Reply> postEvents(Request request) {
    Principal principal = access.events(request.authorization());
    String type = mediaType(request.contentType());
    boolean ndjson = type.equals(NDJSON) || type.equals("application/ndjson");
    if (!ndjson && !type.equals(JSON)) {
      throw IngestException.unsupportedMediaType(
          describe(request.contentType())
              + " is not accepted here: send one event as "
              + JSON
              + " or many, one a line, as "
              + NDJSON,
          "Content-Type: must be " + JSON + " or " + NDJSON);
    }
    byte[] body = request.body().read(config.maxBodyBytes());
    List<NdjsonLines.Line> lines =
        ndjson
            ? NdjsonLines.split(body)
            : isBlank(body) ? List.of() : List.of(new NdjsonLines.Line(1, 0, body.length));
    if (lines.isEmpty()) {
      throw IngestException.badRequest("the body holds no event", List.of("body: is empty"));
    }
    if (lines.size() > config.maxLines()) {
      throw IngestException.tooLarge(
          "the batch has "
              + lines.size()
              + " events, more than the limit of "
              + config.maxLines()
              + "; split it",
          "body: more than " + config.maxLines() + " lines");
    }
    long receivedAt = clock.millis();
    List<Outgoing> outgoing = new ArrayList<>(lines.size());
    List<Rejection> rejected = new ArrayList<>();
    for (NdjsonLines.Line line : lines) {
      Object decoded = EventDecoder.decode(body, line, ndjson, principal, receivedAt, guard);
      if (decoded instanceof Rejection r) rejected.add(r);
      else outgoing.add((Outgoing) decoded);
    }
    if (outgoing.isEmpty()) {
      List<String> errors = new ArrayList<>();
      for (Rejection r : rejected) {
        for (String e : r.errors()) errors.add("line " + r.line() + ": " + e);
      }
      String error =
          rejected.size() == 1
              ? "the event was rejected: " + String.join("; ", rejected.get(0).errors())
              : "none of the " + rejected.size() + " events was accepted";
      return CompletableFuture.completedFuture(
          new Reply(400, new BatchReply(0, rejected, error, errors)));
    }
    int accepted = outgoing.size();
    return publish(outgoing, true)
        .thenApply(acked -> new Reply(202, new BatchReply(accepted, rejected, null, null)));
  }

  /** A record to publish; dedupKey is null for reference data (the latest version always goes). */
  record Outgoing(String topic, String key, byte[] value, String dedupKey) {}

  // ---------------------------------------------------------------- units

  /** PUT /v1/units/{unitId}: one unit as JSON, without its unitId or with the same one. */
  public Reply putUnit(String unitId, Request request) {
    Principal principal = access.referenceData(request.authorization());
    requireJson(request.contentType(), "the unit", " (a CSV of units goes to PUT /v1/units)");
    ObjectNode node = objectBody(request);
    takePathValue(node, "unitId", unitId);
    Decoded<Unit> d = Json.decode(node, Unit.class, Unit::validate);
    if (!d.isOk()) {
      throw IngestException.badRequest(
          "the unit is not valid: " + String.join("; ", d.errors()), d.errors());
    }
    Unit unit = d.value();
    List<String> timeErrors = guard.unit(unit);
    if (!timeErrors.isEmpty()) {
      throw IngestException.badRequest(
          "the unit is not valid: " + String.join("; ", timeErrors), timeErrors);
    }
    checkScope(principal, List.of(unit));
    stampEffectiveFrom(unit, clock.instant());
    publishAndAwait(
        List.of(new Outgoing(Topics.UNITS, unit.unitId, Json.bytes(unit), null)), false);
    directory.put(unit.unitId, unit.region);
    return new Reply(200, unit);
  }

  /**
   * PUT /v1/units: many units as CSV (a header row, then a unit a row) or as a JSON array. All or
   * nothing: one invalid unit refuses the whole upload with every reason, so a file is fixed and
   * sent again as a whole.
   */
  public Reply putUnits(Request request) {
    Principal principal = access.referenceData(request.authorization());
    String type = mediaType(request.contentType());
    if (!type.equals(CSV) && !type.equals(JSON)) {
      throw IngestException.unsupportedMediaType(
          describe(request.contentType())
              + " is not accepted here: send units as "
              + CSV
              + " (a header row of column names, then a unit a row) or as a "
              + JSON
              + " array",
          "Content-Type: must be " + CSV + " or " + JSON);
    }
    byte[] body = request.body().read(config.maxBodyBytes());
    List<UnitCsv.Parsed> parsed =
        type.equals(CSV)
            ? UnitCsv.parse(new String(body, StandardCharsets.UTF_8), config.maxLines())
            : unitsFromJson(body);
    if (parsed.isEmpty()) {
      throw IngestException.badRequest("the upload holds no unit", List.of("body: has no units"));
    }
    List<String> errors = new ArrayList<>();
    List<Unit> units = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String where = type.equals(CSV) ? "line " : "item ";
    int bad = 0;
    for (UnitCsv.Parsed p : parsed) {
      errors.addAll(p.errors());
      List<String> timeErrors = p.isOk() ? guard.unit(p.unit()) : List.of();
      for (String e : timeErrors) errors.add(where + p.line() + ": " + e);
      if (!p.isOk() || !timeErrors.isEmpty()) {
        bad++;
        continue;
      }
      Integer first = seen.putIfAbsent(p.unit().unitId, p.line());
      if (first != null) {
        errors.add(
            where + p.line() + ": unitId: '" + p.unit().unitId + "' is also on " + where + first);
      } else {
        units.add(p.unit());
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          (bad == 0
                  ? "the upload repeats a unitId"
                  : bad + " of " + parsed.size() + " units are invalid")
              + "; nothing was stored",
          errors);
    }
    checkScope(principal, units);
    Instant now = clock.instant();
    List<Outgoing> outgoing = new ArrayList<>(units.size());
    for (Unit unit : units) {
      stampEffectiveFrom(unit, now);
      outgoing.add(new Outgoing(Topics.UNITS, unit.unitId, Json.bytes(unit), null));
    }
    publishAndAwait(outgoing, false);
    for (Unit unit : units) directory.put(unit.unitId, unit.region);
    return new Reply(200, new UnitsReply(units.size(), units.stream().map(u -> u.unitId).toList()));
  }

  private List<UnitCsv.Parsed> unitsFromJson(byte[] body) {
    JsonNode root = parseJson(body);
    if (!root.isArray()) {
      throw IngestException.badRequest(
          "PUT /v1/units takes a JSON array of units (one unit goes to PUT /v1/units/{unitId})",
          List.of("body: must be a JSON array"));
    }
    if (root.size() > config.maxLines()) {
      throw IngestException.tooLarge(
          "the upload has more than " + config.maxLines() + " units; split it",
          "body: more than " + config.maxLines() + " units");
    }
    List<UnitCsv.Parsed> parsed = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      int item = i + 1;
      if (!root.get(i).isObject()) {
        parsed.add(
            new UnitCsv.Parsed(item, null, List.of("item " + item + ": must be a JSON object")));
        continue;
      }
      Decoded<Unit> d = Json.decode(root.get(i), Unit.class, Unit::validate);
      List<String> errors = d.errors().stream().map(e -> "item " + item + ": " + e).toList();
      parsed.add(new UnitCsv.Parsed(item, d.value(), errors));
    }
    return parsed;
  }

  /** A token scoped to regions or units changes only units it may see (403 naming the region). */
  private static void checkScope(Principal principal, List<Unit> units) {
    if (principal.seesEverything()) return;
    Set<String> errors = new LinkedHashSet<>();
    for (Unit u : units) {
      if (!principal.mayView(u.unitId, u.region)) {
        errors.add(
            "region: the token '"
                + principal.name()
                + "' may not change units of region '"
                + u.region
                + "'"
                + (principal.regions().isEmpty()
                    ? ""
                    : " (its regions: " + principal.regions() + ")"));
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.forbidden(
          "the token may not change units outside its scope", List.copyOf(errors));
    }
  }

  /** effectiveFrom defaults to the time of the request, written in the unit's own time zone. */
  private static void stampEffectiveFrom(Unit unit, Instant now) {
    if (unit.effectiveFrom != null) return;
    OffsetDateTime local =
        OffsetDateTime.ofInstant(now, ZoneId.of(unit.timeZone)).truncatedTo(ChronoUnit.MILLIS);
    unit.setEffectiveFrom(local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  // ---------------------------------------------------------------- zones, policies, exposure

  /** PUT /v1/zones/{region}: {"level", "effectiveFrom"}, one record per version. */
  public Reply putZone(String region, Request request) {
    return putVersioned(
        request,
        "the zone level",
        "region",
        region,
        ZoneChange.class,
        guard.versioned(ZoneChange::validate, v -> v.effectiveFrom, v -> v.effectiveFromMs),
        ZoneChange::key,
        Topics.ZONES,
        (principal, zone) -> checkRegionScope(principal, zone.region));
  }

  /** PUT /v1/policies/{region}: the fields given override the rules in force before. */
  public Reply putPolicy(String region, Request request) {
    return putVersioned(
        request,
        "the policy",
        "region",
        region,
        Policy.class,
        guard.versioned(Policy::validate, v -> v.effectiveFrom, v -> v.effectiveFromMs),
        Policy::key,
        Topics.POLICIES,
        (principal, policy) -> checkRegionScope(principal, policy.region));
  }

  /** PUT /v1/units/{unitId}/exposure: {"exposed", "effectiveFrom"} (a confirmed case). */
  public Reply putExposure(String unitId, Request request) {
    return putVersioned(
        request,
        "the exposure",
        "unitId",
        unitId,
        Exposure.class,
        guard.versioned(Exposure::validate, v -> v.effectiveFrom, v -> v.effectiveFromMs),
        Exposure::key,
        Topics.EXPOSURES,
        (principal, exposure) -> {
          List<String> errors = unitScopeErrors(principal, Set.of(exposure.unitId));
          if (!errors.isEmpty()) {
            throw IngestException.forbidden("the token may not change this unit", errors);
          }
        });
  }

  /**
   * One versioned record named by the path: the body's own value of that field must match it;
   * effectiveFrom defaults to the time of the request (UTC, as the region's zone is not known
   * here). Keyed by its version (name@effectiveFrom), so compaction keeps every version.
   */
  private <T> Reply putVersioned(
      Request request,
      String what,
      String pathField,
      String pathValue,
      Class<T> type,
      Function<T, List<String>> validator,
      Function<T, String> key,
      String topic,
      BiConsumer<Principal, T> scope) {
    Principal principal = access.referenceData(request.authorization());
    requireJson(request.contentType(), what, "");
    ObjectNode node = objectBody(request);
    takePathValue(node, pathField, pathValue);
    if (node.path("effectiveFrom").isMissingNode() || node.get("effectiveFrom").isNull()) {
      node.put(
          "effectiveFrom",
          OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.MILLIS)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    Decoded<T> d = Json.decode(node, type, validator);
    if (!d.isOk()) {
      throw IngestException.badRequest(
          what + " is not valid: " + String.join("; ", d.errors()), d.errors());
    }
    scope.accept(principal, d.value());
    publishAndAwait(
        List.of(new Outgoing(topic, key.apply(d.value()), Json.bytes(d.value()), null)), false);
    return new Reply(200, d.value());
  }

  // ---------------------------------------------------------------- zones and policies in bulk

  /** The answer to a bulk upload of zones or policies. */
  public record AcceptedReply(int accepted) {}

  /**
   * PUT /v1/zones: many zone changes as CSV (region,level,effectiveFrom) or a JSON array of
   * ZoneChange. All or nothing; effectiveFrom is required (a file is a plan, not "now").
   */
  public Reply putZones(Request request) {
    return putVersionedBulk(
        request,
        "zone changes",
        PolicyCsv.ZONE_COLUMNS,
        PolicyCsv.ZONE_REQUIRED,
        PolicyCsv::zone,
        Function.identity(),
        ZoneChange.class,
        guard.versioned(ZoneChange::validate, v -> v.effectiveFrom, v -> v.effectiveFromMs),
        ZoneChange::key,
        z -> z.region,
        z -> z.effectiveFrom,
        Topics.ZONES);
  }

  /**
   * PUT /v1/policies: many policy versions as CSV (region,effectiveFrom and any of the flattened
   * policy fields; an empty cell leaves the field out) or a JSON array of Policy. All or nothing.
   */
  public Reply putPolicies(Request request) {
    return putVersionedBulk(
        request,
        "policies",
        PolicyCsv.POLICY_COLUMNS,
        PolicyCsv.POLICY_REQUIRED,
        PolicyCsv::policy,
        PolicyCsv::policyColumnName,
        Policy.class,
        guard.versioned(Policy::validate, v -> v.effectiveFrom, v -> v.effectiveFromMs),
        Policy::key,
        p -> p.region,
        p -> p.effectiveFrom,
        Topics.POLICIES);
  }

  /**
   * Region-keyed versions in bulk, as CSV or a JSON array: every row decoded and validated (errors
   * "line N: field: reason" or "item N: …"), a version twice in the upload refused, every region
   * checked against the token's scope (403 naming the line), and only then all of it produced,
   * keyed like the single endpoint, answering after Kafka acknowledged every record.
   */
  private <T> Reply putVersionedBulk(
      Request request,
      String what,
      List<String> columns,
      List<String> required,
      BiFunction<ObjectNode, List<String>, ObjectNode> fromCsv,
      Function<String, String> csvName,
      Class<T> type,
      Function<T, List<String>> validator,
      Function<T, String> key,
      Function<T, String> region,
      Function<T, String> effectiveFrom,
      String topic) {
    Principal principal = access.referenceData(request.authorization());
    String mediaType = mediaType(request.contentType());
    boolean csv = mediaType.equals(CSV);
    if (!csv && !mediaType.equals(JSON)) {
      throw IngestException.unsupportedMediaType(
          describe(request.contentType())
              + " is not accepted here: send "
              + what
              + " as "
              + CSV
              + " with the columns "
              + String.join(",", columns)
              + " (required: "
              + String.join(",", required)
              + ") or as a "
              + JSON
              + " array",
          "Content-Type: must be " + CSV + " or " + JSON);
    }
    byte[] body = request.body().read(config.maxBodyBytes());
    List<Rows.Row> rows;
    if (csv) {
      rows = Rows.fromCsv(body, columns, required, config.maxLines());
    } else {
      JsonNode root = parseJson(body);
      if (!root.isArray()) {
        throw IngestException.badRequest(
            "the body must be a JSON array of " + what, List.of("body: must be a JSON array"));
      }
      rows = Rows.fromJsonArray(root, config.maxLines());
    }
    if (rows.isEmpty()) {
      throw IngestException.badRequest("the upload holds no " + what, List.of("body: has no rows"));
    }
    List<String> errors = new ArrayList<>();
    List<T> values = new ArrayList<>();
    List<String> wheres = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    int bad = 0;
    for (Rows.Row row : rows) {
      if (row.error() != null) {
        errors.add(row.where() + ": " + row.error());
        bad++;
        continue;
      }
      List<String> rowErrors = new ArrayList<>();
      ObjectNode node = csv ? fromCsv.apply(row.node(), rowErrors) : row.node();
      Decoded<T> d = Json.decode(node, type, validator);
      if (!d.isOk()) {
        for (String e : d.errors()) rowErrors.add(csv ? csvName.apply(e) : e);
      }
      if (!rowErrors.isEmpty()) {
        for (String e : rowErrors) errors.add(row.where() + ": " + e);
        bad++;
        continue;
      }
      T value = d.value();
      String first = seen.putIfAbsent(key.apply(value), row.where());
      if (first != null) {
        errors.add(
            row.where()
                + ": effectiveFrom: region '"
                + region.apply(value)
                + "' from "
                + effectiveFrom.apply(value)
                + " is also on "
                + first);
      } else {
        values.add(value);
        wheres.add(row.where());
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          (bad == 0
                  ? "the upload repeats a region's version"
                  : bad + " of " + rows.size() + " rows are invalid")
              + "; nothing was stored",
          errors);
    }
    if (!principal.seesEverything()) {
      List<String> scopeErrors = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        String r = region.apply(values.get(i));
        if (principal.regions().contains(r)) continue;
        scopeErrors.add(
            wheres.get(i)
                + ": region: the token '"
                + principal.name()
                + "' may not change region '"
                + r
                + "'"
                + (principal.regions().isEmpty()
                    ? ""
                    : " (its regions: " + principal.regions() + ")"));
      }
      if (!scopeErrors.isEmpty()) {
        throw IngestException.forbidden(
            "the token may not change regions outside its scope; nothing was stored", scopeErrors);
      }
    }
    List<Outgoing> outgoing = new ArrayList<>(values.size());
    for (T value : values) {
      outgoing.add(new Outgoing(topic, key.apply(value), Json.bytes(value), null));
    }
    publishAndAwait(outgoing, false);
    return new Reply(200, new AcceptedReply(values.size()));
  }

  // ---------------------------------------------------------------- regions

  /**
   * PUT /v1/regions/{region}: {"name", "province", "timeZone", "boundary": GeoJSON Polygon or
   * MultiPolygon}, keyed by region: the latest record is the region's boundary.
   */
  public Reply putRegion(String region, Request request) {
    Principal principal = access.referenceData(request.authorization());
    requireJson(request.contentType(), "the region", " (many regions go to PUT /v1/regions)");
    ObjectNode node = objectBody(request);
    takePathValue(node, "region", region);
    Decoded<Region> d = Json.decode(node, Region.class, Region::validate);
    if (!d.isOk()) {
      throw IngestException.badRequest(
          "the region is not valid: " + String.join("; ", d.errors()), d.errors());
    }
    checkRegionScope(principal, d.value().region);
    publishAndAwait(
        List.of(new Outgoing(Topics.REGIONS, d.value().region, Json.bytes(d.value()), null)),
        false);
    return new Reply(200, d.value());
  }

  /**
   * PUT /v1/regions: a JSON array of regions, each with its "region". All or nothing: every item
   * validated ("item N: field: reason"), a region twice refused, the token's scope checked (403
   * naming the item), then all produced.
   */
  public Reply putRegions(Request request) {
    Principal principal = access.referenceData(request.authorization());
    requireJson(request.contentType(), "regions", " (a JSON array of regions)");
    JsonNode root = parseJson(request.body().read(config.maxBodyBytes()));
    if (!root.isArray()) {
      throw IngestException.badRequest(
          "PUT /v1/regions takes a JSON array of regions (one region goes to"
              + " PUT /v1/regions/{region})",
          List.of("body: must be a JSON array"));
    }
    if (root.isEmpty()) {
      throw IngestException.badRequest("the upload holds no region", List.of("body: has no rows"));
    }
    if (root.size() > config.maxLines()) {
      throw IngestException.tooLarge(
          "the upload has more than " + config.maxLines() + " regions; split it",
          "body: more than " + config.maxLines() + " regions");
    }
    List<String> errors = new ArrayList<>();
    List<Region> regions = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      int item = i + 1;
      if (!root.get(i).isObject()) {
        errors.add("item " + item + ": must be a JSON object");
        continue;
      }
      Decoded<Region> d = Json.decode(root.get(i), Region.class, Region::validate);
      if (!d.isOk()) {
        for (String e : d.errors()) errors.add("item " + item + ": " + e);
        continue;
      }
      Integer first = seen.putIfAbsent(d.value().region, item);
      if (first != null) {
        errors.add(
            "item " + item + ": region: '" + d.value().region + "' is also on item " + first);
      } else {
        regions.add(d.value());
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          "the upload has invalid regions; nothing was stored", errors);
    }
    List<String> scopeErrors = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      try {
        checkRegionScope(principal, regions.get(i).region);
      } catch (IngestException e) {
        for (String reason : e.errors()) scopeErrors.add("item " + (i + 1) + ": " + reason);
      }
    }
    if (!scopeErrors.isEmpty()) {
      throw IngestException.forbidden(
          "the token may not change regions outside its scope; nothing was stored", scopeErrors);
    }
    List<Outgoing> outgoing = new ArrayList<>(regions.size());
    for (Region r : regions) {
      outgoing.add(new Outgoing(Topics.REGIONS, r.region, Json.bytes(r), null));
    }
    publishAndAwait(outgoing, false);
    return new Reply(200, new AcceptedReply(regions.size()));
  }

  // ---------------------------------------------------------------- rosters

  static final List<String> ROSTER_COLUMNS =
      List.of("nip", "unitId", "date", "mode", "homeRegion", "shiftStart");
  static final List<String> ROSTER_REQUIRED = List.of("nip", "unitId", "date", "mode");

  /** The answer to a roster upload. */
  public record RostersReply(int accepted) {}

  /**
   * POST /v1/rosters: rows {"nip", "unitId", "date", "mode", "homeRegion", "shiftStart"} as a JSON
   * array (or one object), NDJSON or CSV with those column names (homeRegion and shiftStart
   * optional). All or nothing, like units; keyed nip@date, so a later upload for the same day
   * replaces the row.
   */
  public Reply postRosters(Request request) {
    Principal principal = access.referenceData(request.authorization());
    String type = mediaType(request.contentType());
    boolean ndjson = type.equals(NDJSON) || type.equals("application/ndjson");
    if (!ndjson && !type.equals(JSON) && !type.equals(CSV)) {
      throw IngestException.unsupportedMediaType(
          describe(request.contentType())
              + " is not accepted here: send roster rows as a "
              + JSON
              + " array, as "
              + NDJSON
              + " or as "
              + CSV
              + " with the columns "
              + String.join(",", ROSTER_COLUMNS),
          "Content-Type: must be " + JSON + ", " + NDJSON + " or " + CSV);
    }
    byte[] body = request.body().read(config.maxBodyBytes());
    List<Rows.Row> rows;
    if (ndjson) {
      rows = Rows.fromNdjson(body, config.maxLines());
    } else if (type.equals(CSV)) {
      rows = Rows.fromCsv(body, ROSTER_COLUMNS, ROSTER_REQUIRED, config.maxLines());
    } else {
      JsonNode root = parseJson(body);
      if (root.isObject()) rows = List.of(new Rows.Row("item 1", (ObjectNode) root, null));
      else if (root.isArray()) rows = Rows.fromJsonArray(root, config.maxLines());
      else {
        throw IngestException.badRequest(
            "the body must be a JSON array of roster rows",
            List.of("body: must be a JSON array or object"));
      }
    }
    if (rows.isEmpty()) {
      throw IngestException.badRequest("the upload holds no row", List.of("body: has no rows"));
    }
    List<String> errors = new ArrayList<>();
    List<RosterEntry> entries = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    int bad = 0;
    for (Rows.Row row : rows) {
      if (row.error() != null) {
        errors.add(row.where() + ": " + row.error());
        bad++;
        continue;
      }
      Decoded<RosterEntry> d = Json.decode(row.node(), RosterEntry.class, guard.roster());
      if (!d.isOk()) {
        for (String e : d.errors()) errors.add(row.where() + ": " + e);
        bad++;
        continue;
      }
      String first = seen.putIfAbsent(d.value().key(), row.where());
      if (first != null) {
        errors.add(
            row.where()
                + ": nip: '"
                + d.value().nip
                + "' on "
                + d.value().date
                + " is also on "
                + first);
      } else {
        entries.add(d.value());
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          (bad == 0
                  ? "the upload repeats an employee's day"
                  : bad + " of " + rows.size() + " roster rows are invalid")
              + "; nothing was stored",
          errors);
    }
    Set<String> unitIds = new LinkedHashSet<>();
    for (RosterEntry e : entries) unitIds.add(e.unitId);
    List<String> scopeErrors = unitScopeErrors(principal, unitIds);
    if (!scopeErrors.isEmpty()) {
      throw IngestException.forbidden(
          "the token may not change rosters of units outside its scope", scopeErrors);
    }
    List<Outgoing> outgoing = new ArrayList<>(entries.size());
    for (RosterEntry e : entries) {
      outgoing.add(new Outgoing(Topics.ROSTERS, e.key(), Json.bytes(e), null));
    }
    publishAndAwait(outgoing, false);
    return new Reply(200, new RostersReply(entries.size()));
  }

  // ---------------------------------------------------------------- scope

  private static void checkRegionScope(Principal principal, String region) {
    if (principal.seesEverything() || principal.regions().contains(region)) return;
    throw IngestException.forbidden(
        "the token may not change region '" + region + "'",
        List.of(
            "region: the token '"
                + principal.name()
                + "' may not change region '"
                + region
                + "'"
                + (principal.regions().isEmpty()
                    ? ""
                    : " (its regions: " + principal.regions() + ")")));
  }

  /**
   * Why the principal may not write data of these units: a unit it names, or one in its regions, is
   * fine; a unit whose region ingest does not know cannot be checked against regions.
   */
  private List<String> unitScopeErrors(Principal principal, Set<String> unitIds) {
    if (principal.seesEverything()) return List.of();
    List<String> errors = new ArrayList<>();
    for (String unitId : unitIds) {
      if (principal.units().contains(unitId)) continue;
      String region = directory.regionOf(unitId);
      if (region != null && principal.regions().contains(region)) continue;
      if (region == null && !principal.regions().isEmpty()) {
        errors.add(
            "unitId: unit '"
                + unitId
                + "' is not known to ingest, so the token's regions cannot be checked"
                + " (PUT /v1/units/"
                + unitId
                + " first)");
      } else {
        errors.add(
            "region: the token '"
                + principal.name()
                + "' may not change unit '"
                + unitId
                + "'"
                + (region == null ? "" : " of region '" + region + "'"));
      }
    }
    return errors;
  }

  // ---------------------------------------------------------------- health

  public Reply health() {
    return publisher.reachable()
        ? new Reply(200, new Health("up", null))
        : new Reply(
            503,
            new Health(
                "down", "Kafka at " + config.kafkaBootstrap() + " does not answer; ingest waits"));
  }

  // ---------------------------------------------------------------- Kafka

  /**
   * Sends everything; the future completes when Kafka acknowledged all of it, or fails with the
   * {@link IngestException} to answer (503, or 413 for a record Kafka will never take). Events
   * whose ID was acknowledged recently, or that appear twice in the batch, are not sent again; the
   * IDs of events Kafka acknowledged are remembered before the future completes.
   */
  private CompletableFuture<Void> publish(List<Outgoing> outgoing, boolean dedup) {
    List<Outgoing> toSend = dedup ? recent.unseen(outgoing, Outgoing::dedupKey) : outgoing;
    PendingAcks acks = new PendingAcks(toSend.size());
    for (Outgoing o : toSend) {
      publisher.publish(o.topic(), o.key(), o.value(), acks.next());
      // Kafka refused at once (no metadata within max.block.ms): sending the rest would block
      // for that long each.
      if (acks.failed()) break;
    }
    acks.seal();
    long waitMs = config.kafkaTimeout().toMillis() + ACK_SLACK_MS;
    CompletableFuture<Void> answer = new CompletableFuture<>();
    // The producer fails a record within its own bound; this is the backstop should it not.
    ScheduledFuture<?> backstop =
        acks.done().isDone()
            ? null
            : Backstop.TIMER.schedule(
                () ->
                    answer.completeExceptionally(
                        unavailable("no acknowledgement within " + waitMs + " ms")),
                waitMs,
                TimeUnit.MILLISECONDS);
    acks.done()
        .whenComplete(
            (ok, error) -> {
              if (backstop != null) backstop.cancel(false);
              if (dedup) remember(toSend, acks);
              if (error == null) answer.complete(null);
              else answer.completeExceptionally(refusal(error));
            });
    return answer;
  }

  /** Remembers the event IDs Kafka acknowledged (all of them, unless the request failed). */
  private void remember(List<Outgoing> sent, PendingAcks acks) {
    List<String> ids = new ArrayList<>(acks.sent());
    for (int i = 0; i < acks.sent(); i++) {
      if (acks.acked(i)) ids.add(sent.get(i).dedupKey());
    }
    recent.addAll(ids);
  }

  /** For reference data, whose endpoints answer from the request's thread. */
  private void publishAndAwait(List<Outgoing> outgoing, boolean dedup) {
    try {
      publish(outgoing, dedup).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IngestException refused) throw refused;
      throw unavailable(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for Kafka");
    }
  }

  private IngestException refusal(Throwable error) {
    Throwable cause =
        error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
    if (cause instanceof RecordTooLargeException) {
      return IngestException.tooLarge(
          "a record is larger than Kafka accepts", "body: " + cause.getMessage());
    }
    return unavailable(cause.toString());
  }

  /** One daemon thread for every request's backstop; a cancelled timer leaves its queue at once. */
  private static final class Backstop {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread thread = new Thread(r, "ingest-ack-backstop");
                thread.setDaemon(true);
                return thread;
              });
      t.setRemoveOnCancelPolicy(true);
      return t;
    }
  }

  private IngestException unavailable(String cause) {
    long retry = config.retryAfterSeconds();
    return IngestException.unavailable(
        "Kafka did not acknowledge within "
            + config.kafkaTimeout().toMillis()
            + " ms, so this request is not accepted: retry after "
            + retry
            + " s (events that Kafka did store are recognized by their eventId, not stored twice)",
        List.of("kafka: " + cause),
        retry);
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode parseJson(byte[] body) {
    try {
      JsonNode node = TREE.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw IngestException.badRequest("the body is empty", List.of("body: is empty"));
      }
      return node;
    } catch (IOException e) {
      String reason = Json.describe(e);
      throw IngestException.badRequest("the body is not valid JSON: " + reason, List.of(reason));
    }
  }

  private static void requireJson(String contentType, String what, String hint) {
    if (!mediaType(contentType).equals(JSON)) {
      throw IngestException.unsupportedMediaType(
          describe(contentType) + " is not accepted here: send " + what + " as " + JSON + hint,
          "Content-Type: must be " + JSON);
    }
  }

  private ObjectNode objectBody(Request request) {
    JsonNode node = parseJson(request.body().read(config.maxBodyBytes()));
    if (!node.isObject()) {
      throw IngestException.badRequest(
          "the body must be a JSON object", List.of("body: must be a JSON object"));
    }
    return (ObjectNode) node;
  }

  /** The path names the record: the body may repeat the same value, not another one. */
  private static void takePathValue(ObjectNode node, String field, String pathValue) {
    JsonNode given = node.get(field);
    if (given != null && !given.isNull() && !given.asText().equals(pathValue)) {
      throw IngestException.badRequest(
          "the " + field + " of the body is not the one of the path",
          List.of(
              field
                  + ": does not match the path ('"
                  + clip(given.asText())
                  + "' in the body, '"
                  + clip(pathValue)
                  + "' in the path)"));
    }
    node.put(field, pathValue);
  }

  /** "application/json; charset=utf-8" → "application/json"; missing → "". */
  static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static String describe(String contentType) {
    return contentType == null || contentType.isBlank()
        ? "a request without Content-Type"
        : "Content-Type '" + clip(contentType) + "'";
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    return true;
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}

package id.pantau.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.Principal;
import id.pantau.access.TokenStore;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.ingest.device.Device;
import id.pantau.ingest.device.DeviceHeaders;
import id.pantau.ingest.device.DeviceRegistry;
import id.pantau.ingest.device.RateLimiter;
import id.pantau.ingest.device.SignedRequests;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything ingest does with a request, HTTP aside, as a short front over its parts: who may
 * ({@link IngestAccess}, {@link Scope}), what the body is ({@link Bodies}, {@link EventDecoder},
 * {@link Uploads} over the {@link ReferenceKinds}), and Kafka's acknowledgement ({@link
 * AckedWrites}). Refusals are thrown as {@link IngestException}; answers come back as a {@link
 * Reply} (status and JSON body).
 */
public final class IngestService {
  /**
   * What a handler hands over: the raw header values (a device's signing headers among them) and a
   * way to read the body with a limit.
   */
  public record Request(String authorization, String contentType, Body body, DeviceHeaders device) {
    public Request(String authorization, String contentType, Body body) {
      this(authorization, contentType, body, DeviceHeaders.NONE);
    }
  }

  /** Reads the body, refusing (413) past the limit; read only once the request is authorized. */
  @FunctionalInterface
  public interface Body {
    byte[] read(long maxBytes);
  }

  /** An answer: the status and the object written as the JSON body. */
  public record Reply(int status, Object body) {}

  /** One refused line of an event post. */
  public record Rejection(int line, String eventId, List<String> errors)
      implements EventDecoder.Result {}

  /** The answer to an event post; error and errors are there only when nothing was accepted. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BatchReply(
      int accepted, List<Rejection> rejected, String error, List<String> errors) {}

  /** The answer to a bulk unit upload. */
  public record UnitsReply(int accepted, List<String> unitIds) {}

  /** The answer to a bulk upload of zones, policies or regions. */
  public record AcceptedReply(int accepted) {}

  /** The answer to a roster upload. */
  public record RostersReply(int accepted) {}

  /** The answer of the health endpoint. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(String kafka, String error) {}

  private final IngestConfig config;
  private final IngestAccess access;
  private final Clock clock;
  private final ClockGuard guard;
  private final AckedWrites writes;
  private final Uploads uploads;
  private final ReferenceKinds kinds;
  private final SignedRequests signed;
  private final DeviceRegistration devices;

  /** A service whose unit directory and device registry know only what it produced itself. */
  public IngestService(
      IngestConfig config, EventPublisher publisher, TokenStore tokens, Clock clock) {
    this(config, publisher, tokens, clock, new UnitDirectory(null), new DeviceRegistry(null));
  }

  IngestService(
      IngestConfig config,
      EventPublisher publisher,
      TokenStore tokens,
      Clock clock,
      UnitDirectory directory,
      DeviceRegistry registry) {
    RateLimiter limiter = new RateLimiter(config.rateLimits());
    this.config = config;
    this.access =
        new IngestAccess(tokens, config.relaxDeviceAuth(), config.deviceTokens(), limiter);
    this.clock = clock;
    this.guard = new ClockGuard(config.timeBounds(), clock);
    this.writes = new AckedWrites(config, publisher);
    Scope scope = new Scope(directory);
    this.uploads = new Uploads(config, writes, scope);
    this.kinds = new ReferenceKinds(guard, clock, directory);
    this.signed = new SignedRequests(registry, limiter, clock);
    this.devices = new DeviceRegistration(config, access, scope, writes, registry, clock);
  }

  // ---------------------------------------------------------------- events

  /**
   * POST /v1/events: one event (application/json) or one a line (application/x-ndjson). A request
   * that cannot be taken at all is refused at once (thrown); otherwise the answer completes once
   * Kafka acknowledged every accepted event, or fails with the {@link IngestException} to answer.
   * No thread waits for Kafka meanwhile, so many requests can be in flight. A request signed by a
   * device ({@link SignedRequests}) needs no token and may post only its unit's events (403).
   */
  public CompletableFuture<Reply> postEvents(Request request) {
    Device device = signed.identify(request.device(), request.authorization());
    Principal principal =
        device != null ? device.principal() : access.events(request.authorization());
    String type = Bodies.mediaType(request.contentType());
    boolean ndjson = Bodies.isNdjson(type);
    if (!ndjson && !type.equals(Bodies.JSON)) {
      throw Bodies.unsupported(
          request.contentType(),
          "send one event as " + Bodies.JSON + " or many, one a line, as " + Bodies.NDJSON,
          List.of(Bodies.JSON, Bodies.NDJSON));
    }
    byte[] body = request.body().read(config.maxBodyBytes());
    if (device != null) signed.verify(device, request.device(), body);
    List<NdjsonLines.Line> lines =
        ndjson
            ? NdjsonLines.split(body)
            : Bodies.isBlank(body) ? List.of() : List.of(new NdjsonLines.Line(1, 0, body.length));
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
    var batch = new EventDecoder.Batch(body, ndjson, principal, device, clock.millis(), guard);
    List<AckedWrites.Outgoing> outgoing = new ArrayList<>(lines.size());
    List<Rejection> rejected = new ArrayList<>();
    List<String> forbidden = new ArrayList<>();
    for (NdjsonLines.Line line : lines) {
      EventDecoder.Result r = EventDecoder.decode(batch, line);
      if (r instanceof AckedWrites.Outgoing o) outgoing.add(o);
      else if (r instanceof EventDecoder.Forbidden f) forbidden.add(f.error());
      else rejected.add((Rejection) r);
    }
    if (!forbidden.isEmpty()) {
      throw IngestException.forbidden(
          "the device may post only its own unit's events; nothing was stored", forbidden);
    }
    if (outgoing.isEmpty()) return CompletableFuture.completedFuture(noneAccepted(rejected));
    int accepted = outgoing.size();
    return writes
        .events(outgoing)
        .thenApply(acked -> new Reply(202, new BatchReply(accepted, rejected, null, null)));
  }

  private static Reply noneAccepted(List<Rejection> rejected) {
    List<String> errors = new ArrayList<>();
    for (Rejection r : rejected) {
      for (String e : r.errors()) errors.add("line " + r.line() + ": " + e);
    }
    String error =
        rejected.size() == 1
            ? "the event was rejected: " + String.join("; ", rejected.get(0).errors())
            : "none of the " + rejected.size() + " events was accepted";
    return new Reply(400, new BatchReply(0, rejected, error, errors));
  }

  // ---------------------------------------------------------------- reference data, one by one

  /** PUT /v1/units/{unitId}: one unit as JSON; effectiveFrom defaults to now in its zone. */
  public Reply putUnit(String unitId, Request request) {
    String hint = " (a CSV of units goes to PUT /v1/units)";
    return new Reply(200, one(kinds.units, "unitId", unitId, request, hint, node -> {}));
  }

  /** PUT /v1/zones/{region}: {"level", "effectiveFrom"}, one record per version. */
  public Reply putZone(String region, Request request) {
    return new Reply(200, versioned(kinds.zones, "region", region, request));
  }

  /** PUT /v1/policies/{region}: the fields given override the rules in force before. */
  public Reply putPolicy(String region, Request request) {
    return new Reply(200, versioned(kinds.policies, "region", region, request));
  }

  /** PUT /v1/units/{unitId}/exposure: {"exposed", "effectiveFrom"} (a confirmed case). */
  public Reply putExposure(String unitId, Request request) {
    return new Reply(200, versioned(kinds.exposures, "unitId", unitId, request));
  }

  /**
   * PUT /v1/regions/{region}: {"name", "province", "timeZone", "boundary": GeoJSON Polygon or
   * MultiPolygon}, keyed by region: the latest record is the region's boundary.
   */
  public Reply putRegion(String region, Request request) {
    String hint = " (many regions go to PUT /v1/regions)";
    return new Reply(200, one(kinds.regions, "region", region, request, hint, node -> {}));
  }

  /**
   * A version named by the path; effectiveFrom defaults to the time of the request (UTC, as the
   * region's zone is not known here). Keyed name@effectiveFrom, so compaction keeps every version.
   */
  private <T> T versioned(Kind<T> kind, String field, String pathValue, Request request) {
    Consumer<ObjectNode> now =
        node -> {
          if (node.path("effectiveFrom").isMissingNode() || node.get("effectiveFrom").isNull()) {
            node.put(
                "effectiveFrom",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MILLIS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
          }
        };
    return one(kind, field, pathValue, request, "", now);
  }

  /** One record named by the path ({@link Uploads#one}), sent by a writer of reference data. */
  private <T> T one(
      Kind<T> kind,
      String field,
      String pathValue,
      Request request,
      String hint,
      Consumer<ObjectNode> defaults) {
    return uploads.one(
        kind,
        access.referenceData(request.authorization()),
        request,
        field,
        pathValue,
        hint,
        defaults);
  }

  // ---------------------------------------------------------------- devices

  /** PUT /v1/devices/{deviceId}: {"unitId"[, "secret"]}; the secret ingest made, answered once. */
  public Reply putDevice(String deviceId, Request request) {
    return devices.put(deviceId, request);
  }

  /** DELETE /v1/devices/{deviceId}: its requests are refused (401) from now on. */
  public Reply deleteDevice(String deviceId, Request request) {
    return devices.delete(deviceId, request);
  }

  // ---------------------------------------------------------------- reference data in bulk

  /**
   * PUT /v1/units: units as CSV (a header row, then a unit a row) or a JSON array. All or nothing:
   * one invalid unit refuses the whole upload with every reason, so a file is fixed and sent again.
   */
  public Reply putUnits(Request request) {
    List<Unit> units = bulk(kinds.units, request);
    return new Reply(200, new UnitsReply(units.size(), units.stream().map(u -> u.unitId).toList()));
  }

  /** PUT /v1/zones: zone changes as CSV (region,level,effectiveFrom) or a JSON array. */
  public Reply putZones(Request request) {
    return new Reply(200, new AcceptedReply(bulk(kinds.zones, request).size()));
  }

  /**
   * PUT /v1/policies: policy versions as CSV (region,effectiveFrom and any of the flattened policy
   * fields; an empty cell leaves the field out) or a JSON array of Policy.
   */
  public Reply putPolicies(Request request) {
    return new Reply(200, new AcceptedReply(bulk(kinds.policies, request).size()));
  }

  /** PUT /v1/regions: a JSON array of regions, each with its "region". */
  public Reply putRegions(Request request) {
    return new Reply(200, new AcceptedReply(bulk(kinds.regions, request).size()));
  }

  /**
   * POST /v1/rosters: rows {"nip", "unitId", "date", "mode", "homeRegion", "shiftStart"} as a JSON
   * array (or one object), NDJSON or CSV with those column names; keyed nip@date, so a later upload
   * for the same day replaces the row.
   */
  public Reply postRosters(Request request) {
    List<RosterEntry> rows = bulk(kinds.rosters, request);
    return new Reply(200, new RostersReply(rows.size()));
  }

  private <T> List<T> bulk(Kind<T> kind, Request request) {
    return uploads.many(kind, access.referenceData(request.authorization()), request);
  }

  // ---------------------------------------------------------------- health

  public Reply health() {
    return writes.reachable()
        ? new Reply(200, new Health("up", null))
        : new Reply(
            503,
            new Health(
                "down", "Kafka at " + config.kafkaBootstrap() + " does not answer; ingest waits"));
  }
}

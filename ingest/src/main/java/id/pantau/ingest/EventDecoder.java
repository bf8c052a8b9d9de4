package id.pantau.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import id.pantau.access.Principal;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.Topics;
import id.pantau.ingest.device.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One event line (a whole {@code application/json} body or one NDJSON line) turned into the record
 * to publish, or into a rejection naming the line, the field and the reason. A line is bound
 * straight from its bytes to its class once its top-level {@code "type"} was read (one pass, no
 * tree: the tree cost as much as everything else ingest does with an event); a line that does not
 * bind (bad JSON, a wrong field type, an unknown type) is decoded again through a tree, which names
 * the field and keeps the {@code eventId} for the rejection. Ingest publishes the canonical JSON of
 * the event (unknown fields dropped) with {@code receivedAt} set.
 */
final class EventDecoder {
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final ObjectReader TREE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader ATTENDANCE =
      Json.MAPPER
          .readerFor(AttendanceEvent.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader LOCATION =
      Json.MAPPER
          .readerFor(LocationPing.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectWriter ATTENDANCE_OUT = Json.MAPPER.writerFor(AttendanceEvent.class);
  private static final ObjectWriter LOCATION_OUT = Json.MAPPER.writerFor(LocationPing.class);

  private static final byte[] ATTENDANCE_FIRST = prefix(AttendanceEvent.TYPE);
  private static final byte[] LOCATION_FIRST = prefix(LocationPing.TYPE);

  /**
   * What a line becomes: the record to publish, the rejection naming line, field and reason, or a
   * signed device's event of another unit or device (which refuses the whole request: 403).
   */
  sealed interface Result permits AckedWrites.Outgoing, IngestService.Rejection, Forbidden {}

  /** A signed device's event it may not post: "line N: field: reason". */
  record Forbidden(String error) implements Result {}

  private EventDecoder() {}

  private static byte[] prefix(String type) {
    return ("{\"type\":\"" + type + "\"").getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] body, NdjsonLines.Line line, byte[] prefix) {
    if (line.length() < prefix.length) return false;
    return Arrays.equals(
        body, line.offset(), line.offset() + prefix.length, prefix, 0, prefix.length);
  }

  /**
   * What every line of one request shares: its body, whether it is NDJSON, who sent it (and the
   * device that signed it, or null), when ingest received it and the clock guard that judges its
   * times.
   */
  record Batch(
      byte[] body,
      boolean ndjson,
      Principal principal,
      Device device,
      long receivedAt,
      ClockGuard guard) {}

  static Result decode(Batch batch, NdjsonLines.Line line) {
    Object event = bind(batch.body(), line);
    return event != null ? checked(event, line, batch) : decodeThroughTree(batch, line);
  }

  /** The event bound in one pass, or null when the line needs the tree path to say why not. */
  private static Object bind(byte[] body, NdjsonLines.Line line) {
    try {
      String type = topLevelType(body, line);
      if (AttendanceEvent.TYPE.equals(type)) {
        return ATTENDANCE.readValue(body, line.offset(), line.length());
      }
      if (LocationPing.TYPE.equals(type)) {
        return LOCATION.readValue(body, line.offset(), line.length());
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The string value of the object's top-level "type" (usually its first field), or null. */
  private static String topLevelType(byte[] body, NdjsonLines.Line line) throws IOException {
    // Devices write the type first: then its bytes say it without a parser of its own.
    if (startsWith(body, line, ATTENDANCE_FIRST)) return AttendanceEvent.TYPE;
    if (startsWith(body, line, LOCATION_FIRST)) return LocationPing.TYPE;
    try (JsonParser p = FACTORY.createParser(body, line.offset(), line.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        boolean isType = "type".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (isType) return value == JsonToken.VALUE_STRING ? p.getText() : null;
        p.skipChildren();
      }
      return null;
    }
  }

  /** The slower path that explains: the line as a tree, then bound to the class its type names. */
  private static Result decodeThroughTree(Batch batch, NdjsonLines.Line line) {
    byte[] body = batch.body();
    JsonNode node;
    try {
      node = TREE.readTree(body, line.offset(), line.length());
    } catch (IOException e) {
      String reason = Json.describe(e);
      if (batch.ndjson()) {
        reason = reason.replace("not valid JSON at line 1 column", "not valid JSON at column");
      }
      return new IngestService.Rejection(line.number(), null, List.of(reason));
    }
    if (node == null || !node.isObject()) {
      return new IngestService.Rejection(
          line.number(), null, List.of("body: must be a JSON object"));
    }
    String eventId = node.path("eventId").isTextual() ? node.get("eventId").asText() : null;
    String type = node.path("type").isTextual() ? node.get("type").asText() : null;
    Class<?> cls =
        AttendanceEvent.TYPE.equals(type)
            ? AttendanceEvent.class
            : LocationPing.TYPE.equals(type) ? LocationPing.class : null;
    if (cls == null) {
      return new IngestService.Rejection(
          line.number(), eventId, List.of("type: must be 'attendance' or 'location'"));
    }
    try {
      return checked(Json.MAPPER.treeToValue(node, cls), line, batch);
    } catch (IOException e) {
      return new IngestService.Rejection(line.number(), eventId, List.of(Json.describe(e)));
    }
  }

  /**
   * Validated (its time too: by ingest's clock at receipt), stamped, scope-checked and written as
   * canonical JSON; or a rejection.
   */
  private static Result checked(Object event, NdjsonLines.Line line, Batch batch) {
    long receivedAt = batch.receivedAt();
    Principal principal = batch.principal();
    Posted p = Posted.of(event, receivedAt);
    String eventId = p.eventId();
    String unitId = p.unitId();
    List<String> errors = p.errors();
    if (!errors.isEmpty()) return new IngestService.Rejection(line.number(), eventId, errors);
    String forged = batch.device() == null ? null : batch.device().refusal(unitId, p.deviceId());
    if (forged != null) return new Forbidden("line " + line.number() + ": " + forged);
    String badTime = batch.guard().eventTime(p.time(), p.timeMs(), receivedAt);
    if (badTime != null) {
      return new IngestService.Rejection(line.number(), eventId, List.of(badTime));
    }
    // A token limited to named units (and no region) posts only for those units. Region-scoped
    // tokens are not checked here: ingest does not know which region an event's unit is in.
    if (!principal.units().isEmpty()
        && principal.regions().isEmpty()
        && !principal.units().contains(unitId)) {
      return new IngestService.Rejection(
          line.number(),
          eventId,
          List.of(
              "unitId: the token '"
                  + principal.name()
                  + "' may not post events of unit '"
                  + unitId
                  + "'"));
    }
    return new AckedWrites.Outgoing(p.topic(), p.nip(), p.canonical(), p.topic() + '/' + eventId);
  }

  /**
   * What the checks read of an event, the same for both types, stamped with {@code receivedAt}; its
   * topic and its canonical JSON follow from its type.
   */
  private record Posted(
      Object event,
      String eventId,
      String nip,
      String unitId,
      String deviceId,
      String time,
      long timeMs,
      List<String> errors) {

    static Posted of(Object event, long receivedAt) {
      if (event instanceof AttendanceEvent a) {
        a.receivedAt = receivedAt;
        return new Posted(
            a, a.eventId, a.nip, a.unitId, a.deviceId, a.time, a.timeMs, a.validate());
      }
      LocationPing l = (LocationPing) event;
      l.receivedAt = receivedAt;
      return new Posted(l, l.eventId, l.nip, l.unitId, l.deviceId, l.time, l.timeMs, l.validate());
    }

    String topic() {
      return event instanceof AttendanceEvent ? Topics.ATTENDANCE : Topics.LOCATION;
    }

    byte[] canonical() {
      try {
        return (event instanceof AttendanceEvent ? ATTENDANCE_OUT : LOCATION_OUT)
            .writeValueAsBytes(event);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package id.pantau.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.Principal;
import id.pantau.events.Decoded;
import id.pantau.events.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference data taken the one way every kind is taken ({@link Kind}): one record named by the
 * path, or many all or nothing — parse the rows, validate each ("line 3: field: reason"), refuse a
 * record twice, check the token's scope for all of them, and only then publish, answering once
 * Kafka acknowledged every record.
 */
record Uploads(IngestConfig config, AckedWrites writes, Scope scope) {

  /**
   * One record as a JSON object, named by the path ({@code field} = {@code pathValue}; the body may
   * repeat it, not name another); {@code defaults} fills what the request leaves out.
   */
  <T> T one(
      Kind<T> kind,
      Principal principal,
      IngestService.Request request,
      String field,
      String pathValue,
      String hint,
      java.util.function.Consumer<ObjectNode> defaults) {
    Bodies.requireJson(request.contentType(), kind.one(), hint);
    ObjectNode node = Bodies.object(request.body().read(config.maxBodyBytes()));
    Bodies.takePathValue(node, field, pathValue);
    defaults.accept(node);
    Decoded<T> d = Json.decode(node, kind.type(), kind.validator());
    if (!d.isOk()) {
      throw IngestException.badRequest(
          kind.one() + " is not valid: " + String.join("; ", d.errors()), d.errors());
    }
    T value = d.value();
    scope.check(principal, List.of(kind.target().apply(null, value)), kind.noun());
    publish(kind, List.of(value));
    return value;
  }

  /** Many records of a kind, all or nothing; the records published, in the upload's order. */
  <T> List<T> many(Kind<T> kind, Principal principal, IngestService.Request request) {
    List<Rows.Row> rows = rows(kind, request);
    List<String> errors = new ArrayList<>();
    List<T> values = new ArrayList<>();
    List<String> wheres = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    int bad = 0;
    for (Rows.Row row : rows) {
      List<String> rowErrors = new ArrayList<>();
      T value = row.error() != null ? refuse(row.error(), rowErrors) : decode(kind, row, rowErrors);
      if (value == null) {
        for (String e : rowErrors) errors.add(row.where() + ": " + e);
        bad++;
        continue;
      }
      String first = seen.putIfAbsent(kind.key().apply(value), row.where());
      if (first != null) {
        errors.add(row.where() + ": " + kind.duplicate().apply(value, first));
      } else {
        values.add(value);
        wheres.add(row.where());
      }
    }
    if (!errors.isEmpty()) {
      throw IngestException.badRequest(
          (bad == 0
                  ? "the upload names a record twice"
                  : bad + " of " + rows.size() + " " + kind.noun() + " are invalid")
              + "; nothing was stored",
          errors);
    }
    List<Scope.Target> targets = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      targets.add(kind.target().apply(wheres.get(i), values.get(i)));
    }
    scope.check(principal, targets, kind.noun());
    publish(kind, values);
    return values;
  }

  private static <T> T refuse(String error, List<String> errors) {
    errors.add(error);
    return null;
  }

  /** The row as the kind's value, or null with the reasons (CSV conversions first). */
  static <T> T decode(Kind<T> kind, Rows.Row row, List<String> errors) {
    ObjectNode node =
        kind.csv() != null && row.csv()
            ? kind.csv().toJson().apply(row.node(), errors)
            : row.node();
    List<String> converted = new ArrayList<>(errors);
    Decoded<T> d = Json.decode(node, kind.type(), kind.validator());
    for (String e : d.errors()) {
      String named = row.csv() ? kind.csv().columnName().apply(e) : e;
      // A cell that could not be converted is reported once, not again as missing.
      String column = named.substring(0, Math.max(0, named.indexOf(':')));
      if (converted.stream().noneMatch(c -> c.startsWith(column + ":"))) errors.add(named);
    }
    return errors.isEmpty() ? d.value() : null;
  }

  private <T> List<Rows.Row> rows(Kind<T> kind, IngestService.Request request) {
    String type = Bodies.mediaType(request.contentType());
    boolean csv = kind.csv() != null && type.equals(Bodies.CSV);
    boolean ndjson = kind.ndjson() && Bodies.isNdjson(type);
    if (!csv && !ndjson && !type.equals(Bodies.JSON)) throw unsupported(kind, request);
    byte[] body = request.body().read(config.maxBodyBytes());
    List<Rows.Row> rows;
    if (csv) {
      rows = Rows.fromCsv(body, kind.csv().columns(), kind.csv().required(), config.maxLines());
    } else if (ndjson) {
      rows = Rows.fromNdjson(body, config.maxLines());
    } else {
      JsonNode root = Bodies.parseJson(body);
      if (root.isArray()) rows = Rows.fromJsonArray(root, config.maxLines());
      else if (root.isObject() && !kind.arrayOnly()) {
        rows = List.of(new Rows.Row("item 1", (ObjectNode) root, null, false));
      } else {
        throw IngestException.badRequest(
            "the body must be a JSON array of " + kind.noun(),
            List.of("body: must be a JSON array"));
      }
    }
    if (rows.isEmpty()) {
      throw IngestException.badRequest(
          "the upload holds no " + kind.noun(), List.of("body: has no rows"));
    }
    return rows;
  }

  private static IngestException unsupported(Kind<?> kind, IngestService.Request request) {
    List<String> types = new ArrayList<>();
    StringBuilder instead = new StringBuilder("send " + kind.noun() + " as ");
    if (kind.csv() != null) {
      types.add(Bodies.CSV);
      instead
          .append(Bodies.CSV)
          .append(" with the columns ")
          .append(String.join(",", kind.csv().columns()))
          .append(" (required: ")
          .append(String.join(",", kind.csv().required()))
          .append("), ");
    }
    if (kind.ndjson()) {
      types.add(Bodies.NDJSON);
      instead.append(Bodies.NDJSON).append(" (one a line), ");
    }
    types.add(Bodies.JSON);
    instead.append("or as a ").append(Bodies.JSON).append(" array");
    return Bodies.unsupported(request.contentType(), instead.toString(), types);
  }

  private <T> void publish(Kind<T> kind, List<T> values) {
    List<AckedWrites.Outgoing> outgoing = new ArrayList<>(values.size());
    for (T value : values) {
      kind.prepare().accept(value);
      outgoing.add(
          new AckedWrites.Outgoing(kind.topic(), kind.key().apply(value), Json.bytes(value), null));
    }
    writes.referenceData(outgoing);
    for (T value : values) kind.published().accept(value);
  }
}

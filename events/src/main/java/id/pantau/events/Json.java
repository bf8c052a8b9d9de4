package id.pantau.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the v1 schema: unknown fields are tolerated (so producers can move ahead of
 * consumers), wrong types are reported as "field: reason", never as a stack trace.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private static final ObjectReader ATTENDANCE = MAPPER.readerFor(AttendanceEvent.class);
  private static final ObjectReader LOCATION = MAPPER.readerFor(LocationPing.class);
  private static final ObjectReader UNIT = MAPPER.readerFor(Unit.class);
  private static final ObjectReader ZONE = MAPPER.readerFor(ZoneChange.class);
  private static final ObjectReader EXPOSURE = MAPPER.readerFor(Exposure.class);
  private static final ObjectReader POLICY = MAPPER.readerFor(Policy.class);
  private static final ObjectReader ROSTER = MAPPER.readerFor(RosterEntry.class);
  private static final ObjectReader REGION = MAPPER.readerFor(Region.class);

  private Json() {}

  public static Decoded<AttendanceEvent> attendance(byte[] json) {
    return decode(ATTENDANCE, json, AttendanceEvent::validate);
  }

  public static Decoded<LocationPing> location(byte[] json) {
    return decode(LOCATION, json, LocationPing::validate);
  }

  public static Decoded<Unit> unit(byte[] json) {
    return decode(UNIT, json, Unit::validate);
  }

  public static Decoded<ZoneChange> zone(byte[] json) {
    return decode(ZONE, json, ZoneChange::validate);
  }

  public static Decoded<Exposure> exposure(byte[] json) {
    return decode(EXPOSURE, json, Exposure::validate);
  }

  public static Decoded<Policy> policy(byte[] json) {
    return decode(POLICY, json, Policy::validate);
  }

  public static Decoded<RosterEntry> roster(byte[] json) {
    return decode(ROSTER, json, RosterEntry::validate);
  }

  public static Decoded<Region> region(byte[] json) {
    return decode(REGION, json, Region::validate);
  }

  /** Decodes with the reader, then validates; both kinds of failure come back as reasons. */
  public static <T> Decoded<T> decode(
      ObjectReader reader, byte[] json, Function<T, List<String>> validator) {
    T value;
    try {
      value = reader.readValue(json);
    } catch (IOException e) {
      return Decoded.refused(List.of(describe(e)));
    }
    if (value == null) return Decoded.refused(List.of("body: must be a JSON object"));
    List<String> errors = validator.apply(value);
    return errors.isEmpty() ? Decoded.ok(value) : Decoded.refused(errors);
  }

  /** Decodes an already parsed tree (a line of an NDJSON batch). */
  public static <T> Decoded<T> decode(
      JsonNode node, Class<T> type, Function<T, List<String>> validator) {
    T value;
    try {
      value = MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      return Decoded.refused(List.of(describe(e)));
    }
    List<String> errors = validator.apply(value);
    return errors.isEmpty() ? Decoded.ok(value) : Decoded.refused(errors);
  }

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Turns a Jackson failure into "field: reason". */
  public static String describe(IOException e) {
    if (e instanceof JsonParseException p) {
      var loc = p.getLocation();
      return "body: not valid JSON at line "
          + loc.getLineNr()
          + " column "
          + loc.getColumnNr()
          + " ("
          + p.getOriginalMessage()
          + ")";
    }
    if (e instanceof JsonMappingException m) {
      String field = path(m);
      if (m instanceof InvalidFormatException f
          && f.getTargetType() != null
          && f.getTargetType().isEnum()) {
        String allowed =
            Arrays.stream(f.getTargetType().getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        return field + ": must be one of " + allowed + " (got '" + f.getValue() + "')";
      }
      if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
        return field + ": " + expected(mi.getTargetType());
      }
      return field + ": " + m.getOriginalMessage();
    }
    return "body: " + e.getMessage();
  }

  private static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be an integer";
    }
    if (type == Double.class || type == double.class) return "must be a number";
    if (type == Boolean.class || type == boolean.class) return "must be true or false";
    if (type == String.class) return "must be a string";
    if (type.isArray()) return "must be a JSON array";
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    return "must be a JSON object";
  }
}

package id.pantau.local.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of JSON: in the tree (a field removed, given a wrong type, a hostile string, a number
 * JSON cannot hold, nested deeply, an unknown field added) and in the text (cut short, a byte that
 * is not UTF-8, a key twice, a byte-order mark, garbage after it).
 */
final class JsonFuzz {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String RAW = "@@raw";

  private JsonFuzz() {}

  /** A tree with raw literals (numbers JSON cannot hold) in placeholders, then its text. */
  static final class Doc {
    final JsonNode root;
    final List<String> raws = new ArrayList<>();

    Doc(JsonNode root) {
      this.root = root;
    }

    /** The text, each placeholder replaced by its raw literal. */
    String text() {
      String s;
      try {
        s = Json.MAPPER.writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < raws.size(); i++) s = s.replace("\"" + RAW + i + "\"", raws.get(i));
      return s;
    }

    JsonNode raw(String literal) {
      raws.add(literal);
      return NODES.textNode(RAW + (raws.size() - 1));
    }
  }

  /** Applies 1–3 tree mutations somewhere in the document. */
  static void mutateTree(SplittableRandom r, Doc doc) {
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(doc.root, containers);
      JsonNode c = containers.get(r.nextInt(containers.size()));
      if (c instanceof ObjectNode o) mutateField(r, doc, o);
      else if (c instanceof ArrayNode a) mutateItem(r, doc, a);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(child -> collect(child, out));
    }
  }

  private static void mutateField(SplittableRandom r, Doc doc, ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty() || r.nextInt(6) == 0) {
      o.set(r.nextBoolean() ? Hostile.word(r) : Hostile.text(r), value(r, doc));
      return;
    }
    String name = names.get(r.nextInt(names.size()));
    if (r.nextInt(4) == 0) o.remove(name);
    else o.set(name, value(r, doc));
  }

  private static void mutateItem(SplittableRandom r, Doc doc, ArrayNode a) {
    if (a.isEmpty() || r.nextInt(4) == 0) {
      a.add(value(r, doc));
    } else if (r.nextInt(3) == 0) {
      a.remove(r.nextInt(a.size()));
    } else {
      a.set(r.nextInt(a.size()), value(r, doc));
    }
  }

  /** A value of some type: wrong ones, hostile text, huge numbers, deep nesting. */
  static JsonNode value(SplittableRandom r, Doc doc) {
    return switch (r.nextInt(12)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.numberNode(r.nextLong());
      case 3 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 4 -> doc.raw(Hostile.pick(r, Hostile.NUMBERS));
      case 5 -> NODES.arrayNode().add(Hostile.text(r));
      case 6 -> NODES.objectNode().put(Hostile.word(r), Hostile.text(r));
      case 7 -> doc.raw(nested(r, 1 + r.nextInt(r.nextBoolean() ? 50 : 3_000)));
      case 8 -> NODES.textNode("");
      default -> NODES.textNode(Hostile.text(r));
    };
  }

  /** Arrays or objects nested {@code depth} deep. */
  static String nested(SplittableRandom r, int depth) {
    boolean arrays = r.nextBoolean();
    StringBuilder s = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) s.append(arrays ? "[" : "{\"a\":");
    s.append('1');
    for (int i = 0; i < depth; i++) s.append(arrays ? ']' : '}');
    return s.toString();
  }

  /** Breaks the text so it is no longer JSON, or no longer UTF-8 (chars of ISO-8859-1). */
  static String breakText(SplittableRandom r, String json) {
    String bytes = Hostile.utf8(json);
    int at = bytes.isEmpty() ? 0 : r.nextInt(bytes.length());
    return switch (r.nextInt(9)) {
      case 0 -> bytes.substring(0, at); // cut short
      case 1 -> bytes.substring(0, at) + Hostile.invalidUtf8(r) + bytes.substring(at);
      case 2 -> bytes.substring(0, at) + "\u0000" + bytes.substring(at);
      case 3 -> bytes.replace("\"", "'");
      case 4 -> "\u00ef\u00bb\u00bf" + bytes; // a UTF-8 byte-order mark
      case 5 -> bytes + Hostile.pick(r, List.of("}", "]", "x", ",", "{}", " null", "\u0000"));
      case 6 -> bytes.replaceFirst("\\{", "{\"eventId\":\"twice\",\"type\":\"attendance\",");
      case 7 -> Hostile.pick(r, List.of("", " ", "null", "[]", "{}", "1", "\"x\"", "[{}]", "{"));
      default -> nested(r, Hostile.pick(r, List.of(999, 1_001, 5_000, 60_000)));
    };
  }

  static byte[] bytes(String isoChars) {
    return isoChars.getBytes(StandardCharsets.ISO_8859_1);
  }
}

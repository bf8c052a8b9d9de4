package id.pantau.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What came back: the status and headers (names in lower case) and the body, or why nothing
 * complete came back ({@code broken}, with status -1 or the status read before it broke).
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body, String broken) {
  static Answer broken(int status, String why) {
    return new Answer(status, Map.of(), new byte[0], why);
  }

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Status, content type and the body clipped. */
  String describe(int clip) {
    if (broken != null) return "no complete answer (" + broken + ")";
    return status
        + " "
        + (header("content-type") == null ? "(no Content-Type)" : header("content-type"))
        + " "
        + Hostile.printable(new String(body, StandardCharsets.ISO_8859_1), clip);
  }
}

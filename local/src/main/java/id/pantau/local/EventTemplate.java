package id.pantau.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's request body whose event ids carry a fixed-width number, rewritten in place for
 * each request, so every request posts new events from one template.
 */
final class EventTemplate {
  static final String PLACEHOLDER = "000000000000";
  final byte[] bytes;
  final int[] at;

  EventTemplate(String text) {
    bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Integer> found = new ArrayList<>();
    for (int i = text.indexOf(PLACEHOLDER); i >= 0; i = text.indexOf(PLACEHOLDER, i + 1)) {
      found.add(i); // ASCII before every placeholder, so char index = byte index
    }
    at = found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** "eventId":"bN" → "eventId":"r<run>-<12 digits>-<i>"; the digits are filled per request. */
  static String withIdPlaceholder(String event, int run, int i) {
    return event.replaceFirst(
        "\"eventId\":\"b\\d+\"", "\"eventId\":\"r" + run + "-" + PLACEHOLDER + "-" + i + "\"");
  }

  byte[] fill(long seq) {
    for (int offset : at) {
      long v = seq;
      for (int d = PLACEHOLDER.length() - 1; d >= 0; d--, v /= 10) {
        bytes[offset + d] = (byte) ('0' + v % 10);
      }
    }
    return bytes;
  }
}

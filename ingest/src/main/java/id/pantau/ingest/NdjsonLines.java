package id.pantau.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an NDJSON body into its non-blank lines, numbered as a text editor would (from 1, blank
 * lines counted), so a rejection points at the line the client sent. Lines end at LF; a CR before
 * it and a UTF-8 byte-order mark at the start are dropped. No bytes are copied.
 */
final class NdjsonLines {
  /** One non-blank line: its number and where it lies in the body. */
  record Line(int number, int offset, int length) {}

  private NdjsonLines() {}

  static List<Line> split(byte[] body) {
    List<Line> lines = new ArrayList<>();
    int start = hasBom(body) ? 3 : 0;
    int number = 1;
    for (int i = start; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int end = i;
        if (end > start && body[end - 1] == '\r') end--;
        if (!isBlank(body, start, end)) lines.add(new Line(number, start, end - start));
        number++;
        start = i + 1;
      }
    }
    return lines;
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
  }
}

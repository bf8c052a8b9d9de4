package id.pantau.api;

import id.pantau.events.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * One caller scope's answer from one read: rendered as JSON (and that JSON gzipped) and as CSV
 * once, on first use, and the same bytes served to every request of that scope until the next read
 * (rendering 500 units per request cost more than everything else the endpoint does, and
 * compressing them per request as much again).
 */
public final class OccupancyAnswer {
  private final OccupancyNow now;
  private volatile byte[] json;
  private volatile byte[] gzip;
  private volatile String csv;

  OccupancyAnswer(OccupancyNow now) {
    this.now = now;
  }

  public OccupancyNow now() {
    return now;
  }

  /** {@link OccupancyNow} as JSON (a race renders it twice, the same). */
  public byte[] json() {
    byte[] j = json;
    if (j == null) json = j = Json.bytes(now);
    return j;
  }

  /** {@link #json} gzipped, for the clients that accept it (browsers do). */
  public byte[] gzippedJson() {
    byte[] g = gzip;
    if (g == null) gzip = g = gzip(json());
    return g;
  }

  /** Whether an Accept-Encoding header takes gzip (named, and not with q=0). */
  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.strip().split(";");
      if (!parts[0].strip().equalsIgnoreCase("gzip")) continue;
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].strip().replace(" ", "").matches("q=0(\\.0*)?")) return false;
      }
      return true;
    }
    return false;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: never
    }
    return out.toByteArray();
  }

  /** The rows as CSV with a header row. */
  public String csv() {
    String c = csv;
    if (c == null) {
      csv = c = Csv.of(OccupancyRow.COLUMNS, now.units());
    }
    return c;
  }
}

package id.pantau.api;

import id.pantau.events.Json;
import java.util.List;

/**
 * One caller scope's answer from one read: rendered as JSON and as CSV once, on first use, and the
 * same bytes served to every request of that scope until the next read (rendering 500 units per
 * request cost more than everything else the endpoint does).
 */
public final class OccupancyAnswer {
  private final OccupancyNow now;
  private volatile byte[] json;
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

  /** The rows as CSV with a header row. */
  public String csv() {
    String c = csv;
    if (c == null) {
      List<List<Object>> rows = now.units().stream().map(OccupancyRow::csvRow).toList();
      csv = c = Csv.of(OccupancyRow.CSV_HEADER, rows);
    }
    return c;
  }
}

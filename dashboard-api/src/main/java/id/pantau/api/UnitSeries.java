package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answer of GET /api/v1/units/{unitId}/occupancy; {@code zone} is the unit's time zone (IANA
 * id), where its "today" starts and its times are shown.
 */
@JsonPropertyOrder({"unit", "region", "zone", "from", "to", "step", "points"})
public record UnitSeries(
    String unit,
    String region,
    String zone,
    String from,
    String to,
    String step,
    List<SeriesPoint> points)
    implements CsvAnswer {

  private static final List<String> CSV_HEADER =
      List.of(
          "unit",
          "region",
          "time",
          "present",
          "headcount",
          "share",
          "cap",
          "floor",
          "status",
          "zone");

  @Override
  public String csv() {
    List<List<Object>> rows = new ArrayList<>(points.size());
    for (SeriesPoint p : points) {
      rows.add(
          Arrays.asList(
              unit,
              region,
              p.time(),
              p.present(),
              p.headcount(),
              p.share(),
              p.cap(),
              p.floor(),
              p.status(),
              zone));
    }
    return Csv.of(CSV_HEADER, rows);
  }
}

package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer of GET /api/v1/trends: the local dates asked (after defaults) and their rows. */
@JsonPropertyOrder({"from", "to", "rows"})
public record Trends(String from, String to, List<TrendRow> rows) implements CsvAnswer {
  @Override
  public String csv() {
    return Csv.of(TrendRow.COLUMNS, rows);
  }
}

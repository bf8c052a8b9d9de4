package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer of GET /api/v1/compliance: the date asked (after its default) and its rows. */
@JsonPropertyOrder({"date", "rows"})
public record Compliance(String date, List<ComplianceRow> rows) implements CsvAnswer {
  @Override
  public String csv() {
    return Csv.of(ComplianceRow.COLUMNS, rows);
  }
}

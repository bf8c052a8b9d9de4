package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer of GET /api/v1/compliance: the date asked (after its default) and its rows. */
@JsonPropertyOrder({"date", "rows"})
public record Compliance(String date, List<ComplianceRow> rows) {
  public List<List<Object>> csvRows() {
    return rows.stream().map(ComplianceRow::csvRow).toList();
  }
}

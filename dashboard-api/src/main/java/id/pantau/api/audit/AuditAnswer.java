package id.pantau.api.audit;

import id.pantau.api.Csv;
import id.pantau.api.CsvAnswer;
import java.util.List;

/** The answer of GET /api/v1/audit: the range asked and its records, newest first. */
public record AuditAnswer(String from, String to, List<AuditRecord> records) implements CsvAnswer {
  @Override
  public String csv() {
    return Csv.of(AuditRecord.COLUMNS, records);
  }
}

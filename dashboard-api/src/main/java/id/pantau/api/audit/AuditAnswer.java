package id.pantau.api.audit;

import java.util.List;

/** The answer of GET /api/v1/audit: the range asked and its records, newest first. */
public record AuditAnswer(String from, String to, List<AuditRecord> records) {
  public List<List<Object>> csvRows() {
    return records.stream().map(AuditRecord::csvRow).toList();
  }
}

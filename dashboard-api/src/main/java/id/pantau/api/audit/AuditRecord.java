package id.pantau.api.audit;

import id.pantau.api.Columns;

/**
 * One audited request, as a JSON line in the audit log and a record of {@code pantau.audit.v1}.
 *
 * @param time when it was answered (ISO-8601 UTC)
 * @param who the token's name, or "anonymous" without a known credential
 * @param role the caller's role, null for anonymous
 * @param action method and route, e.g. "GET /api/v1/units/{unitId}/followups"
 * @param unit the unit the request named (path or {@code unit} parameter), else null
 * @param answer the HTTP status answered
 */
public record AuditRecord(
    String time, String who, String role, String action, String unit, int answer) {
  public static final String ANONYMOUS = "anonymous";

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<AuditRecord> COLUMNS = Columns.of(AuditRecord.class);
}

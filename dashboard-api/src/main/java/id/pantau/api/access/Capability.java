package id.pantau.api.access;

/** What a caller may do in the dashboard API, each granted to roles by {@link Permissions}. */
public enum Capability {
  /** Counts per unit: occupancy, series, breaches, compliance, trends, alerts. */
  AGGREGATES("read the dashboard"),
  /** Reports built from the aggregates. */
  REPORTS("read reports"),
  /** Health of the pipeline and reference data (units, regions). */
  REFERENCE_DATA("read health and reference data"),
  /** Data naming people: the follow-ups and their CSV. */
  PERSONAL_DATA("read per-employee data"),
  /** Alert webhooks: configure them and read their deliveries. */
  WEBHOOKS("configure alert webhooks"),
  /** The audit trail of who read personal data and who was refused. */
  AUDIT("read the audit trail");

  private final String doing;

  Capability(String doing) {
    this.doing = doing;
  }

  /** The capability as the end of "role: X may not …". */
  public String doing() {
    return doing;
  }
}

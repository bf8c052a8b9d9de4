package id.pantau.events;

/**
 * Kafka topic names of the v1 interfaces. The suffix is the schema version: a breaking change gets
 * v2.
 */
public final class Topics {
  public static final String ATTENDANCE = "pantau.attendance.v1";
  public static final String LOCATION = "pantau.location.v1";
  public static final String UNITS = "pantau.units.v1";
  public static final String REGIONS = "pantau.regions.v1";
  public static final String ZONES = "pantau.zones.v1";
  public static final String POLICIES = "pantau.policies.v1";
  public static final String ROSTERS = "pantau.rosters.v1";

  /** A confirmed case per unit (an extension of the contract's topic list). */
  public static final String EXPOSURES = "pantau.exposures.v1";

  public static final String ALERTS = "pantau.alerts.v1";

  /**
   * The devices ingest takes signed requests from (key: device ID, a tombstone unregisters),
   * compacted. Holds each device's signing key, SHA-256 of its secret, never the secret: restrict
   * it with ACLs to ingest.
   */
  public static final String DEVICES = "pantau.devices.v1";

  /**
   * Each employee's result per date and window (key nip@date@window), compacted: the follow-up
   * record BKD acts on. Names people: never leaves Kafka except through dashboard-api.
   */
  public static final String CHECKINS = "pantau.checkins.v1";

  public static final String DEADLETTER = "pantau.deadletter.v1";

  /**
   * dashboard-api's alert webhooks (key: hook name), compacted. Holds each hook's signing secret in
   * clear: restrict it with ACLs to dashboard-api.
   */
  public static final String HOOKS = "pantau.hooks.v1";

  /** How far each webhook has delivered pantau.alerts.v1 (key: hook name), compacted. */
  public static final String HOOK_DELIVERIES = "pantau.hook-deliveries.v1";

  /**
   * Who read per-employee data and who was refused (dashboard-api's audit trail). Never compacted:
   * every record is kept for {@link #AUDIT_RETENTION_MS}.
   */
  public static final String AUDIT = "pantau.audit.v1";

  /** 400 days: a year of audits and the time to look into the last of them. */
  public static final long AUDIT_RETENTION_MS = 400L * 24 * 60 * 60 * 1000;

  /** Topics kept longer than the broker's default retention, with their retention.ms. */
  public static final java.util.Map<String, Long> RETENTION_MS =
      java.util.Map.of(AUDIT, AUDIT_RETENTION_MS);

  /** Reference data topics are compacted: the latest record per key is the current value. */
  public static final java.util.List<String> COMPACTED =
      java.util.List.of(
          UNITS,
          REGIONS,
          ZONES,
          EXPOSURES,
          POLICIES,
          ROSTERS,
          CHECKINS,
          HOOKS,
          HOOK_DELIVERIES,
          DEVICES);

  /** The reference topics the jobs read, each whole on every start. */
  public static final java.util.List<String> JOBS_REFERENCE =
      java.util.List.of(UNITS, REGIONS, ZONES, EXPOSURES, POLICIES, ROSTERS);

  /** The event streams: every record kept (until their retention), never compacted. */
  public static final java.util.List<String> STREAMS =
      java.util.List.of(ATTENDANCE, LOCATION, ALERTS, DEADLETTER, AUDIT);

  /**
   * Every topic, created by the demo, the benchmark and the tests (the broker auto-creates none).
   */
  public static final java.util.List<String> ALL =
      java.util.stream.Stream.concat(STREAMS.stream(), COMPACTED.stream()).toList();

  private Topics() {}
}

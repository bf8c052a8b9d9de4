package id.pantau.compliance;

import id.pantau.events.Alert;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Check-in compliance per unit and window, and its alerts, from the per-employee results of the
 * check-in tracker (which runs in the per-employee operator, {@code EmployeeJob}). Wire {@link
 * Outputs#counts()} to InfluxDB with {@link ComplianceLines#encode} and {@link Outputs#alerts()} to
 * the alerts topic; the results name people (follow-ups), so they must not reach InfluxDB.
 */
public final class ComplianceJob {
  /** Default age after which a roster's date is too old to decide (its facts are gone). */
  public static final long DEFAULT_STALE_AFTER_MS = 36 * 3_600_000L;

  private ComplianceJob() {}

  public record Outputs(
      SingleOutputStreamOperator<ComplianceCount> counts, DataStream<Alert> alerts) {}

  public static Outputs build(DataStream<WindowResult> results) {
    SingleOutputStreamOperator<ComplianceCount> counts =
        results
            .keyBy(UnitWindowCounter::key)
            .process(new UnitWindowCounter(), TypeInformation.of(ComplianceCount.class))
            .name("Compliance counter")
            .uid("compliance-counter");

    DataStream<Alert> alerts =
        results
            .flatMap(ComplianceAlerts::emit, TypeInformation.of(Alert.class))
            .name("Compliance alerts")
            .uid("compliance-alerts");
    return new Outputs(counts, alerts);
  }

  /**
   * The replay horizon of PANTAU_START_FROM: "hours:N" replays N hours; "earliest" and "committed"
   * may replay anything (0: no date is too old); else the default.
   */
  public static long staleAfterMs(String startFrom) {
    if ("earliest".equals(startFrom) || "committed".equals(startFrom)) return 0;
    Matcher m = startFrom == null ? null : Pattern.compile("hours:(\\d+)").matcher(startFrom);
    if (m != null && m.matches()) return Long.parseLong(m.group(1)) * 3_600_000L;
    return DEFAULT_STALE_AFTER_MS;
  }
}

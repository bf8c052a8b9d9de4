package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
  @Test
  void keepsTrendsLongerThanRawMeasurements() {
    assertThat(Retention.statements(Retention.DATABASE))
        .containsExactly(
            "CREATE RETENTION POLICY \"raw\" ON \"pantau\" DURATION 30d REPLICATION 1 DEFAULT",
            "CREATE RETENTION POLICY \"trends\" ON \"pantau\" DURATION 1825d REPLICATION 1");
    assertThat(Retention.alterStatements(Retention.DATABASE))
        .containsExactly(
            "ALTER RETENTION POLICY \"raw\" ON \"pantau\" DURATION 30d REPLICATION 1 DEFAULT",
            "ALTER RETENTION POLICY \"trends\" ON \"pantau\" DURATION 1825d REPLICATION 1");
  }

  @Test
  void namesTheTrendsMeasurementFully() {
    assertThat(Retention.qualified("pantau", Retention.TRENDS, Retention.DAILY_MEASUREMENT))
        .isEqualTo("\"pantau\".\"trends\".\"daily\"");
  }

  @Test
  void refusesADatabaseNameThatCouldInjectAStatement() {
    assertThatThrownBy(() -> Retention.statements("pantau\"; DROP DATABASE \"x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final List<String> SHOWN =
      List.of("name", "duration", "shardGroupDuration", "replicaN", "default");

  private static List<Object> row(Object... values) {
    return List.of(values);
  }

  /** Whether these rows of SHOW RETENTION POLICIES need nothing created. */
  @SafeVarargs
  private static boolean inPlace(List<Object>... rows) {
    return Retention.inPlace(SHOWN, List.of(rows));
  }

  @Test
  void policiesInPlaceNeedNothingCreated() {
    assertThat(
            inPlace(
                row("autogen", "0s", "168h0m0s", 1.0, false),
                row("raw", "720h0m0s", "24h0m0s", 1.0, true),
                row("trends", "43800h0m0s", "168h0m0s", 1.0, false)))
        .isTrue();
  }

  @Test
  void aMissingPolicyOrOtherSettingsNeedCreating() {
    assertThat(inPlace(row("autogen", "0s", "168h0m0s", 1.0, true))).isFalse();
    List<Object> trends = row("trends", "43800h0m0s", "168h0m0s", 1.0, false);
    assertThat(inPlace(row("raw", "720h0m0s", "24h0m0s", 1.0, false), trends))
        .as("raw not the default")
        .isFalse();
    assertThat(inPlace(row("raw", "168h0m0s", "24h0m0s", 1.0, true), trends))
        .as("raw of another duration")
        .isFalse();
    assertThat(Retention.inPlace(null, null)).isFalse();
  }

  @Test
  void durationsInDaysAsInfluxShowsThem() {
    assertThat(Retention.shown(Retention.RAW_DURATION)).isEqualTo("720h0m0s");
    assertThat(Retention.shown(Retention.TRENDS_DURATION)).isEqualTo("43800h0m0s");
  }
}

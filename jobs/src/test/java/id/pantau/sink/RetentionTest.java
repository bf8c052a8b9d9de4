package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
  @Test
  void keepsTrendsLongerThanRawMeasurements() {
    assertThat(Retention.statements(Retention.DATABASE))
        .containsExactly(Retention.CREATE_RAW, Retention.CREATE_TRENDS);
    assertThat(Retention.alterStatements(Retention.DATABASE))
        .containsExactly(Retention.ALTER_RAW, Retention.ALTER_TRENDS);
    assertThat(Retention.CREATE_RAW)
        .isEqualTo(
            "CREATE RETENTION POLICY \"raw\" ON \"pantau\" DURATION 30d REPLICATION 1 DEFAULT");
    assertThat(Retention.CREATE_TRENDS)
        .isEqualTo("CREATE RETENTION POLICY \"trends\" ON \"pantau\" DURATION 1825d REPLICATION 1");
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

  @Test
  void policiesInPlaceNeedNothingCreated() {
    assertThat(
            Retention.inPlace(
                SHOWN,
                List.of(
                    row("autogen", "0s", "168h0m0s", 1.0, false),
                    row("raw", "720h0m0s", "24h0m0s", 1.0, true),
                    row("trends", "43800h0m0s", "168h0m0s", 1.0, false))))
        .isTrue();
  }

  @Test
  void aMissingPolicyOrOtherSettingsNeedCreating() {
    assertThat(Retention.inPlace(SHOWN, List.of(row("autogen", "0s", "168h0m0s", 1.0, true))))
        .isFalse();
    assertThat(
            Retention.inPlace(
                SHOWN,
                List.of(
                    row("raw", "720h0m0s", "24h0m0s", 1.0, false),
                    row("trends", "43800h0m0s", "168h0m0s", 1.0, false))))
        .as("raw not the default")
        .isFalse();
    assertThat(
            Retention.inPlace(
                SHOWN,
                List.of(
                    row("raw", "168h0m0s", "24h0m0s", 1.0, true),
                    row("trends", "43800h0m0s", "168h0m0s", 1.0, false))))
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

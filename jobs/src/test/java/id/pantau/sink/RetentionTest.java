package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}

package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfluxConfigTest {
  private static final InfluxConfig NO_AUTH =
      InfluxConfig.of("http://127.0.0.1:8086", "pantau", 10, 10);

  @Test
  void withoutALoginByDefault() {
    assertThat(NO_AUTH.hasLogin()).isFalse();
    assertThat(NO_AUTH.withLogin(null, null).hasLogin()).isFalse();
  }

  @Test
  void aLoginIsKeptAcrossRetentionPolicies() {
    InfluxConfig trends = NO_AUTH.withLogin("writer", "pw-1").withRetentionPolicy("trends");
    assertThat(trends.hasLogin()).isTrue();
    assertThat(trends.user()).isEqualTo("writer");
    assertThat(trends.password()).isEqualTo("pw-1");
    assertThat(trends.retentionPolicy()).isEqualTo("trends");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    assertThat(NO_AUTH.withLogin("writer", "pw-1").toString())
        .contains("user=writer")
        .doesNotContain("pw-1");
  }

  @Test
  void aUserNeedsAPasswordAndAPasswordAUser() {
    assertThatThrownBy(() -> NO_AUTH.withLogin("writer", null))
        .hasMessage("influx user, password: give both (auth) or neither");
    assertThatThrownBy(() -> NO_AUTH.withLogin(null, "pw"))
        .hasMessage("influx user, password: give both (auth) or neither");
  }
}

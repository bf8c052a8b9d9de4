package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
  @Test
  void anUnsetOrBlankVariableTakesItsDefault() {
    Map<String, String> env = Map.of("BLANK", "  ");
    assertThat(Env.text(env, "UNSET", "d")).isEqualTo("d");
    assertThat(Env.text(env, "BLANK", null)).isNull();
    assertThat(Env.number(env, "BLANK", 7L)).isEqualTo(7L);
    assertThat(Env.port(env, "UNSET", 8080)).isEqualTo(8080);
    assertThat(Env.flag(env, "BLANK", true)).isTrue();
  }

  @Test
  void readsTrimmedValues() {
    Map<String, String> env = Map.of("T", " a ", "N", " 12_000 ", "P", "0", "F", "TRUE");
    assertThat(Env.text(env, "T", null)).isEqualTo("a");
    assertThat(Env.number(env, "N", 0L)).isEqualTo(12_000L);
    assertThat(Env.port(env, "P", 8080)).isZero();
    assertThat(Env.flag(env, "F", false)).isTrue();
  }

  @Test
  void refusesAnUnusableValueNamingTheVariableAndWhatItMustBe() {
    assertThatThrownBy(() -> Env.number(Map.of("N", "12x"), "N", 0L))
        .hasMessage("N: must be a whole number (got '12x')");
    assertThatThrownBy(() -> Env.port(Map.of("P", "65536"), "P", 1))
        .hasMessage("P: must be a port number 0 to 65535 (got '65536')");
    assertThatThrownBy(() -> Env.number(Map.of("D", "3d"), "D", 1, 1, 31, "a number of days"))
        .hasMessage("D: must be a number of days 1 to 31 (got '3d')");
    assertThatThrownBy(() -> Env.flag(Map.of("F", "yes please"), "F", false))
        .hasMessage("F: must be true or false (got 'yes please')");
  }

  @Test
  void refusesOneOfTwoSettingsThatOnlyWorkTogether() {
    Env.bothOrNeither("U", null, "P", null, "a login");
    Env.bothOrNeither("U", "u", "P", "p", "a login");
    assertThatThrownBy(() -> Env.bothOrNeither("U", "u", "P", null, "a login"))
        .hasMessage("U, P: set both (a login) or neither");
    assertThatThrownBy(() -> Env.bothOrNeither("U", null, "P", "p", "a login"))
        .hasMessage("U, P: set both (a login) or neither");
  }
}

package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZoneChangeTest {
  @Test
  void needsALevelAndAMoment() {
    Decoded<ZoneChange> d =
        Json.zone(
            "{\"region\":\"kota-tangerang\",\"level\":\"RED\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(d.errors()).containsExactly("level: must be one of LOW, MEDIUM, HIGH (got 'RED')");
    Decoded<ZoneChange> ok =
        Json.zone(
            "{\"region\":\"kota-tangerang\",\"level\":\"HIGH\",\"effectiveFrom\":\"2026-11-23T10:00:00+07:00\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(ok.errors()).isEmpty();
  }

  @Test
  void exposureNeedsItsFlag() {
    Decoded<Exposure> d =
        Json.exposure(
            "{\"unitId\":\"u1\",\"effectiveFrom\":\"2026-11-23T10:00:00+07:00\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(d.errors()).containsExactly("exposed: is required");
  }
}

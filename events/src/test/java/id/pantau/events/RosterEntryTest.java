package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosterEntryTest {
  static Decoded<RosterEntry> decode(String json) {
    return Json.roster(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsADayOfPiketDuty() {
    Decoded<RosterEntry> d =
        decode(
            "{\"nip\":\"198703122010011002\",\"unitId\":\"u1\",\"date\":\"2026-11-23\",\"mode\":\"PIKET\"}");
    assertThat(d.errors()).isEmpty();
    assertThat(d.value().mode.inOffice()).isTrue();
    assertThat(d.value().key()).isEqualTo("198703122010011002@2026-11-23");
  }

  @Test
  void refusesAnUnknownModeAndABadDate() {
    assertThat(
            decode("{\"nip\":\"n\",\"unitId\":\"u\",\"date\":\"2026-11-23\",\"mode\":\"HOLIDAY\"}")
                .errors())
        .containsExactly(
            "mode: must be one of WFO, WFH, PIKET, LEAVE, SICK, OFFICIAL_TRAVEL (got 'HOLIDAY')");
    assertThat(
            decode("{\"nip\":\"n\",\"unitId\":\"u\",\"date\":\"23/11/2026\",\"mode\":\"WFO\"}")
                .errors())
        .containsExactly("date: must be YYYY-MM-DD (got '23/11/2026')");
  }

  @Test
  void onlyWfoAndPiketAreInTheOffice() {
    assertThat(RosterMode.WFH.inOffice()).isFalse();
    assertThat(RosterMode.LEAVE.inOffice()).isFalse();
    assertThat(RosterMode.WFO.inOffice()).isTrue();
  }
}

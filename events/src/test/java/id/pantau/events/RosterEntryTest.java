package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosterEntryTest {
  static Decoded<RosterEntry> decode(String json) {
    return Json.roster(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The roster row of this JSON, which must be taken. */
  static RosterEntry accepted(String json) {
    Decoded<RosterEntry> d = decode(json);
    assertThat(d.errors()).isEmpty();
    return d.value();
  }

  @Test
  void acceptsADayOfPiketDuty() {
    RosterEntry r =
        accepted(
            "{\"nip\":\"198703122010011002\",\"unitId\":\"u1\",\"date\":\"2026-11-23\",\"mode\":\"PIKET\"}");
    assertThat(r.mode.inOffice()).isTrue();
    assertThat(r.key()).isEqualTo("198703122010011002@2026-11-23");
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

  @Test
  void acceptsACrewsShiftStartAndKeepsItOptional() {
    RosterEntry crew =
        accepted(
            "{\"nip\":\"n\",\"unitId\":\"u\",\"date\":\"2026-11-23\",\"mode\":\"PIKET\",\"shiftStart\":\"23:00\"}");
    assertThat(crew.shiftStartTime()).hasToString("23:00");
    assertThat(Json.text(crew)).contains("\"shiftStart\":\"23:00\"");
    RosterEntry office =
        accepted("{\"nip\":\"n\",\"unitId\":\"u\",\"date\":\"2026-11-23\",\"mode\":\"WFO\"}");
    assertThat(office.shiftStartTime()).isNull();
    assertThat(Json.text(office)).doesNotContain("shiftStart");
  }

  @Test
  void refusesAShiftStartThatIsNotHhMm() {
    for (String bad : new String[] {"7:00", "24:00", "15:00:00", "afternoon"}) {
      assertThat(
              decode(
                      "{\"nip\":\"n\",\"unitId\":\"u\",\"date\":\"2026-11-23\",\"mode\":\"PIKET\",\"shiftStart\":\""
                          + bad
                          + "\"}")
                  .errors())
          .containsExactly(
              "shiftStart: must be HH:mm, the shift's local start in the unit's zone (got '"
                  + bad
                  + "')");
    }
  }
}

package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyTest {
  static Decoded<Policy> decode(String json) {
    return Json.policy(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFieldLeftOutKeepsTheValueInForceBefore() {
    Policy change =
        decode(
                """
                {"region": "kota-tangerang", "effectiveFrom": "2026-11-23T12:00:00+07:00",
                 "capPercent": {"HIGH": 10}, "breachDwellS": 120}""")
            .value();
    Policy folded = change.over(Policy.seed());
    assertThat(folded.capPercent.forLevel(ZoneLevel.HIGH)).isEqualTo(10);
    assertThat(folded.capPercent.forLevel(ZoneLevel.LOW)).isEqualTo(75);
    assertThat(folded.capPercent.exposed).isEqualTo(5);
    assertThat(folded.breachDwellS).isEqualTo(120);
    assertThat(folded.checkinDeadline).isEqualTo("07:30");
    assertThat(folded.locationWindows).hasDimensions(3, 2);
  }

  @Test
  void theSeedPolicyIsValid() {
    Policy seed = Policy.seed();
    seed.region = "any";
    assertThat(seed.validate()).isEmpty();
  }

  @Test
  void namesEachBadFieldWithItsReason() {
    Decoded<Policy> d =
        decode(
            """
            {"region": "r", "effectiveFrom": "2026-11-23T12:00:00+07:00",
             "capPercent": {"LOW": 120}, "serviceHours": ["15:00", "08:00"],
             "checkinDeadline": "7.30", "locationWindows": [["07:30"]], "allowedLatenessS": -1}""");
    assertThat(d.errors())
        .containsExactly(
            "capPercent.LOW: must be 0 to 100",
            "serviceHours: must end after it starts",
            "checkinDeadline: must be a local time HH:MM (got '7.30')",
            "locationWindows[0]: must be [\"HH:MM\", \"HH:MM\"]",
            "allowedLatenessS: must be 0 to 86400 seconds");
  }

  @Test
  void keysEveryVersionApartSoCompactionKeepsAChangePlannedForLater() {
    Policy now =
        decode("{\"region\":\"r\",\"effectiveFrom\":\"2026-11-23T00:00:00+07:00\"}").value();
    Policy later =
        decode("{\"region\":\"r\",\"effectiveFrom\":\"2026-11-24T00:00:00+07:00\"}").value();
    assertThat(now.key()).isNotEqualTo(later.key()).startsWith("r@");
  }
}

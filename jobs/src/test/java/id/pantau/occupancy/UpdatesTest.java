package id.pantau.occupancy;

import static id.pantau.occupancy.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The points built from what the tracker knows of a unit. */
class UpdatesTest {
  static Unit essential(int minPresent) {
    Unit u = tangerang(10);
    u.essential = true;
    u.minPresent = minPresent;
    return u;
  }

  @Test
  void anExactPointCarriesTheUnitAndWhoIsUnscheduledWhenThereIsARoster() {
    OccupancyUpdate o = Updates.exact(essential(3), SEVEN_TEN, 4, true, 6, List.of("b", "c"));

    assertThat(o.unitId).isEqualTo(UNIT);
    assertThat(o.region).isEqualTo(REGION);
    assertThat(o.timeZone).isEqualTo("Asia/Jakarta");
    assertThat(o.timeMs).isEqualTo(SEVEN_TEN);
    assertThat(o.present).isEqualTo(4);
    assertThat(o.headcount).isEqualTo(10);
    assertThat(o.essential).isTrue();
    assertThat(o.minPresent).isEqualTo(3);
    assertThat(o.exposed).isTrue();
    assertThat(o.scheduledOffice).isEqualTo(6);
    assertThat(o.unscheduled).isEqualTo(2);
    assertThat(o.unscheduledNips).containsExactly("b", "c");
    assertThat(o.provisional).isFalse();
  }

  @Test
  void anExactPointWithoutARosterNamesNobody() {
    OccupancyUpdate o = Updates.exact(tangerang(10), SEVEN_TEN, 4, false, null, null);

    assertThat(o.scheduledOffice).isNull();
    assertThat(o.unscheduled).isNull();
    assertThat(o.unscheduledNips).isNull();
    assertThat(o.essential).isFalse();
    assertThat(o.minPresent).isZero();
  }

  @ParameterizedTest(name = "a provisional count of {0} is shown as {1}")
  @CsvSource({"3, 3", "0, 0", "-1, 0"})
  void aProvisionalPointIsNeverBelowZeroAndNamesNobody(int counted, int shown) {
    OccupancyUpdate o = Updates.provisional(tangerang(10), SEVEN_TEN, counted, false);

    assertThat(o.present).isEqualTo(shown);
    assertThat(o.provisional).isTrue();
    assertThat(o.scheduledOffice).isNull();
    assertThat(o.unscheduledNips).isNull();
  }

  @ParameterizedTest(name = "a roster of {1} in the office plans {2}")
  @CsvSource({"2026-11-23, 7, 7", "2026-11-24, , 0"})
  void aRosterPlanCountsThoseScheduledInTheOffice(String date, Integer scheduled, int planned) {
    RosterPlan p = Updates.plan(essential(2), date, scheduled, true);

    assertThat(p.date).isEqualTo(date);
    assertThat(p.scheduledOffice).isEqualTo(planned);
    assertThat(p.headcount).isEqualTo(10);
    assertThat(p.essential).isTrue();
    assertThat(p.minPresent).isEqualTo(2);
    assertThat(p.exposed).isTrue();
    assertThat(p.region).isEqualTo(REGION);
  }
}

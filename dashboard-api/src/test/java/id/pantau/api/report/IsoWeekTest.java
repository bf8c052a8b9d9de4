package id.pantau.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoWeekTest {
  @Test
  void aWeekRunsMondayToSundayAcrossTheYearsEnd() {
    IsoWeek w = IsoWeek.parse("2026-W53"); // 2026 starts on a Thursday: 53 weeks
    assertThat(w.monday()).isEqualTo(LocalDate.parse("2026-12-28"));
    assertThat(w.sunday()).isEqualTo(LocalDate.parse("2027-01-03"));
    assertThat(IsoWeek.parse("2027-W01").previous()).isEqualTo(w);
    assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.parse("2025-12-29"));
  }

  @Test
  void refusesWeeksThatDoNotExistAndOtherShapes() {
    assertThat(IsoWeek.parse("2025-W53")).isNull(); // 2025 has 52 weeks
    assertThat(IsoWeek.parse("2026-W00")).isNull();
    assertThat(IsoWeek.parse("2026W49")).isNull();
    assertThat(IsoWeek.parse("2026-W4")).isNull();
    assertThat(IsoWeek.parse(" 2026-W49 ")).hasToString("2026-W49");
  }

  @Test
  void theLastCompleteWeekChangesOnMonday() {
    assertThat(IsoWeek.lastCompleteOn(LocalDate.parse("2026-12-06"))).hasToString("2026-W48");
    assertThat(IsoWeek.lastCompleteOn(LocalDate.parse("2026-12-07"))).hasToString("2026-W49");
  }
}

package id.pantau.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
  static final SimDay DAY =
      SimDay.of(
          City.of(CityConfig.defaults().withSize(6, 300)),
          LocalDate.of(2026, 11, 23),
          Faults.all());
  static final GroundTruth TRUTH = GroundTruth.of(DAY);

  @Test
  void occupancyFollowsEachEmployeesLatestFactOfTheLocalDay() {
    for (var a : DAY.plan().assignments()) {
      Presence p = TRUTH.presence(a.unitId());
      assertThat(p.at(p.dayStartMs())).isZero();
    }
    // At every minute, the count equals the staff the plan puts in the office then.
    for (var u : DAY.city().units()) {
      Presence p = TRUTH.presence(u.unitId());
      for (long t = p.dayStartMs(); t < p.dayEndMs(); t += 60_000) {
        long ms = t;
        long inOffice =
            DAY.plan().assignments().stream()
                .filter(a -> a.unitId().equals(u.unitId()))
                .filter(a -> a.inOfficeAt(java.time.Instant.ofEpochMilli(ms)))
                .count();
        assertThat(p.at(t))
            .as(u.unitId() + " at " + java.time.Instant.ofEpochMilli(t))
            .isEqualTo((int) inOffice);
      }
    }
  }

  @Test
  void aDayWithOfflinePhonesHasLateUploadsAndEveryStatus() {
    var statuses =
        TRUTH.followups().values().stream()
            .flatMap(f -> f.windows().values().stream())
            .distinct()
            .toList();
    assertThat(statuses).contains("ON_TIME", "LATE", "MISSED", "LATE_UPLOAD");
    int expected = TRUTH.counts().stream().mapToInt(GroundTruth.Count::expected).sum();
    int decided = TRUTH.counts().stream().mapToInt(c -> c.onTime() + c.late() + c.missed()).sum();
    assertThat(decided).isEqualTo(expected);
  }

  @Test
  void mockLocationsAndStaffAwayFromTheirRegionAreFlagged() {
    var flags =
        TRUTH.followups().values().stream().flatMap(f -> f.flags().stream()).distinct().toList();
    assertThat(flags).contains("MOCK_LOCATION", "OUT_OF_REGION");
  }

  @Test
  void writesEveryFileWithAMinutePerUnitAndDay(@TempDir Path dir) throws Exception {
    TRUTH.writeTo(dir);
    assertThat(Files.readAllLines(dir.resolve("occupancy.csv"))).hasSize(1 + 6 * 1440);
    for (String f : new String[] {"breaches.csv", "compliance.csv", "followups.csv", "daily.csv"}) {
      assertThat(dir.resolve(f)).exists();
    }
  }
}

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
  void roundTheClockCrewsAreRosteredWithAndJudgedByTheirShiftStart() {
    var rows = new java.util.HashMap<String, id.pantau.events.RosterEntry>();
    for (var r : DAY.rosters()) rows.put(r.nip, r);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (var a : DAY.plan().assignments()) {
      if (!a.onDuty() || a.shift() == id.pantau.sim.Shift.OFFICE) continue;
      var row = rows.get(a.nip());
      assertThat(row.mode).isEqualTo(id.pantau.events.RosterMode.PIKET);
      assertThat(row.shiftStart).isEqualTo(a.shift().start().toString());
      var zone = DAY.city().unit(a.unitId()).zone();
      long start = DAY.date().atTime(a.shift().start()).atZone(zone).toInstant().toEpochMilli();
      long cutoff = start + 270 * 60_000L; // the seed policy's grace: 07:30 to 12:00
      String expected;
      if (a.checkIn() == null) expected = "MISSED";
      else if (a.checkIn().toEpochMilli() <= start) expected = "ON_TIME";
      else if (a.checkIn().toEpochMilli() <= cutoff) expected = "LATE";
      else expected = "MISSED";
      assertThat(TRUTH.followups().get(a.nip()).windows().get("ATTENDANCE"))
          .as(a.nip() + " on the " + a.shift() + " shift")
          .isEqualTo(expected);
      seen.add(a.shift() + " " + expected);
    }
    // Under the office deadline, every afternoon and night crew would have been MISSED.
    assertThat(seen).contains("AFTERNOON ON_TIME", "NIGHT ON_TIME");
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
  void aRosterOverItsDatesLowestCapOrUnderAFloorIsAPlannedBreach() {
    String date = DAY.date().toString();
    int planned = 0;
    for (var u : DAY.city().units()) {
      long inOffice =
          DAY.rosters().stream()
              .filter(r -> r.unitId.equals(u.unitId()) && r.date.equals(date))
              .filter(r -> r.mode.inOffice())
              .count();
      // The lowest cap of the date, minute by minute (zone levels change on whole minutes here).
      Presence p = TRUTH.presence(u.unitId());
      int lowest = Integer.MAX_VALUE;
      for (long t = p.dayStartMs(); t < p.dayEndMs(); t += 60_000) {
        lowest = Math.min(lowest, TRUTH.cap(u.unitId(), t));
      }
      String over = "ROSTER_OVER_CAP:" + u.unitId() + ":" + date + ":" + lowest + " RAISED";
      String under =
          "ROSTER_UNDER_FLOOR:" + u.unitId() + ":" + date + ":" + u.minPresent() + " RAISED";
      assertThat(TRUTH.unitAlerts().contains(over)).as(over).isEqualTo(inOffice > lowest);
      assertThat(TRUTH.unitAlerts().contains(under))
          .as(under)
          .isEqualTo(u.essential() && inOffice < u.minPresent());
      if (inOffice > lowest || (u.essential() && inOffice < u.minPresent())) planned++;
    }
    assertThat(planned).as("units with a planned breach").isPositive();
    for (var b : TRUTH.breaches()) {
      assertThat(TRUTH.unitAlerts())
          .contains(b.kind() + ":" + b.unitId() + ":" + b.startMs() + " OPEN");
    }
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

package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Decoded;
import id.pantau.events.GeoFix;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.WorkMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DayPlanTest {
  static final City CITY = City.defaultCity();
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final DayPlan PLAN = DayPlan.of(CITY, MONDAY);

  static String ndjson(DayPlan plan) {
    return plan.events().stream().map(Planned::json).collect(Collectors.joining("\n"));
  }

  static LocalTime localTime(Planned p) {
    return LocalTime.ofInstant(p.at(), CITY.unit(p.unitId()).zone());
  }

  @Test
  void theSameSeedAndDateGiveAnIdenticalPlan() {
    DayPlan again = DayPlan.of(City.of(CityConfig.defaults()), MONDAY);
    assertThat(ndjson(again)).isEqualTo(ndjson(PLAN));
    assertThat(again.assignments()).isEqualTo(PLAN.assignments());
  }

  @Test
  void anotherDateOrSeedGivesAnotherPlan() {
    DayPlan tuesday = DayPlan.of(CITY, MONDAY.plusDays(1));
    assertThat(ndjson(tuesday)).isNotEqualTo(ndjson(PLAN));
    // Rotating piket: the office roster changes from day to day.
    long sameMode =
        PLAN.assignments().stream()
            .filter(a -> a.mode() == tuesday.assignment(a.nip()).mode())
            .count();
    assertThat(sameMode).isLessThan(PLAN.assignments().size() * 9L / 10);
    Set<String> mondayIds =
        PLAN.events().stream().map(Planned::eventId).collect(Collectors.toSet());
    assertThat(tuesday.events()).noneMatch(p -> mondayIds.contains(p.eventId()));

    DayPlan otherSeed = DayPlan.of(City.of(CityConfig.defaults().withSeed(99)), MONDAY);
    assertThat(ndjson(otherSeed)).isNotEqualTo(ndjson(PLAN));
  }

  @Test
  void everyEventPassesValidationAlsoAfterAJsonRoundTrip() {
    assertThat(PLAN.events()).hasSizeGreaterThan(CITY.staffCount());
    for (Planned p : PLAN.events()) {
      assertThat(p.validate()).as(p.json()).isEmpty();
      byte[] line = p.json().getBytes(StandardCharsets.UTF_8);
      Decoded<?> decoded = p.isAttendance() ? Json.attendance(line) : Json.location(line);
      assertThat(decoded.errors()).as(p.json()).isEmpty();
      assertThat(p.json()).doesNotContain("\n").doesNotContain("timeMs");
    }
  }

  @Test
  void eventsAreTimeOrderedWithUniqueIdsAndTheirInstantOnTheWire() {
    List<Planned> events = PLAN.events();
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
    }
    assertThat(events).extracting(Planned::eventId).doesNotHaveDuplicates();
    for (Planned p : events) {
      assertThat(OffsetDateTime.parse(p.time()).toInstant()).isEqualTo(p.at());
    }
    for (Region r : CITY.regions()) {
      assertThat(PLAN.events(r.id()))
          .allSatisfy(p -> assertThat(CITY.unit(p.unitId()).region()).isEqualTo(r));
    }
  }

  @Test
  void timesCarryTheOffsetOfTheUnitsZone() {
    Map<String, ZoneOffset> expected =
        Map.of(
            "kota-tangerang", ZoneOffset.ofHours(7),
            "kota-makassar", ZoneOffset.ofHours(8),
            "kota-jayapura", ZoneOffset.ofHours(9));
    for (Planned p : PLAN.events()) {
      assertThat(OffsetDateTime.parse(p.time()).getOffset()).isEqualTo(expected.get(p.regionId()));
      assertThat(OffsetDateTime.parse(p.time()).toLocalDate()).isEqualTo(MONDAY);
    }
  }

  @Test
  void mostOfficeCheckInsFallBetween0645And0745LocalInEachZone() {
    for (Region r : CITY.regions()) {
      List<LocalTime> arrivals =
          PLAN.events(r.id()).stream()
              .filter(p -> p.isAttendance() && p.attendance().isOfficeCheckIn())
              .map(DayPlanTest::localTime)
              .toList();
      assertThat(arrivals).as(r.id()).hasSizeGreaterThan(300);
      long inCrowd =
          arrivals.stream()
              .filter(t -> !t.isBefore(LocalTime.of(6, 45)) && !t.isAfter(LocalTime.of(7, 45)))
              .count();
      assertThat((double) inCrowd / arrivals.size()).as(r.id()).isGreaterThanOrEqualTo(0.70);
      assertThat(arrivals)
          .allSatisfy(t -> assertThat(t).isBetween(LocalTime.of(6, 0), LocalTime.of(9, 30)));
      long late = arrivals.stream().filter(t -> t.isAfter(LocalTime.of(8, 0))).count();
      assertThat(late).as("a tail of late arrivals in " + r.id()).isPositive();
    }
  }

  @Test
  void mostCheckOutsFallBetween1545And1645Local() {
    List<LocalTime> departures =
        PLAN.events().stream()
            .filter(p -> p.isAttendance() && p.attendance().action == Action.CHECK_OUT)
            .map(DayPlanTest::localTime)
            .toList();
    long core =
        departures.stream()
            .filter(t -> !t.isBefore(LocalTime.of(15, 45)) && !t.isAfter(LocalTime.of(16, 45)))
            .count();
    assertThat((double) core / departures.size()).isGreaterThanOrEqualTo(0.70);
    assertThat(departures)
        .allSatisfy(t -> assertThat(t).isBetween(LocalTime.of(13, 0), LocalTime.of(19, 0)));
  }

  @Test
  void everyCheckOutFollowsTheSameEmployeesCheckIn() {
    Map<String, List<AttendanceEvent>> byNip = new HashMap<>();
    for (Planned p : PLAN.events()) {
      if (p.isAttendance())
        byNip.computeIfAbsent(p.nip(), k -> new ArrayList<>()).add(p.attendance());
    }
    for (Map.Entry<String, List<AttendanceEvent>> e : byNip.entrySet()) {
      List<AttendanceEvent> list = e.getValue();
      assertThat(list).as(e.getKey()).hasSizeBetween(1, 2);
      assertThat(list.get(0).action).isEqualTo(Action.CHECK_IN);
      if (list.size() == 2) {
        assertThat(list.get(1).action).isEqualTo(Action.CHECK_OUT);
        assertThat(list.get(1).timeMs).isGreaterThan(list.get(0).timeMs);
        assertThat(list.get(1).mode).isEqualTo(list.get(0).mode);
      }
    }
  }

  @Test
  void aFewDoNotCheckInAndAFewForgetToCheckOut() {
    List<Assignment> onDuty = PLAN.assignments().stream().filter(Assignment::onDuty).toList();
    assertThat(onDuty).hasSize(CITY.staffCount());
    long absent = onDuty.stream().filter(a -> !a.checkedIn()).count();
    assertThat((double) absent / onDuty.size()).isBetween(0.015, 0.05);
    List<Assignment> present = onDuty.stream().filter(Assignment::checkedIn).toList();
    long forgot = present.stream().filter(a -> a.checkOut() == null).count();
    assertThat((double) forgot / present.size()).isBetween(0.02, 0.065);
    // The events are exactly the ground truth.
    long checkIns =
        PLAN.events().stream()
            .filter(p -> p.isAttendance() && p.attendance().action == Action.CHECK_IN)
            .count();
    assertThat(checkIns).isEqualTo(present.size());
  }

  @Test
  void theOfficeShareFollowsEachRegionsZoneLevel() {
    for (Region r : CITY.regions()) {
      List<Assignment> staff =
          PLAN.assignments().stream().filter(a -> a.employee().regionId().equals(r.id())).toList();
      double wfo =
          staff.stream().filter(a -> a.mode() == WorkMode.WFO).count() / (double) staff.size();
      double cap = r.level().wfoCapPercent() / 100.0;
      assertThat(wfo).as(r.id() + " " + r.level()).isBetween(cap - 0.15, cap + 0.10);
    }
    double all =
        PLAN.assignments().stream().filter(a -> a.mode() == WorkMode.WFO).count()
            / (double) CITY.staffCount();
    assertThat(all).isBetween(0.45, 0.80);
  }

  @Test
  void essentialUnitsRosterAtLeastTheirFloorInTheOffice() {
    for (CityUnit u : CITY.units()) {
      if (!u.essential()) continue;
      long wfo =
          PLAN.assignments().stream()
              .filter(a -> a.unitId().equals(u.unitId()) && a.mode() == WorkMode.WFO)
              .count();
      assertThat(wfo).as(u.unitId()).isGreaterThanOrEqualTo(u.minPresent());
    }
  }

  @Test
  void wfhStaffCheckInFromHomeAndShareTheirLocationMostlyWithinTheThreeWindows() {
    LocalTime[][] windows = {
      {LocalTime.of(7, 30), LocalTime.of(9, 0)},
      {LocalTime.of(11, 30), LocalTime.of(13, 0)},
      {LocalTime.of(15, 0), LocalTime.of(16, 30)}
    };
    int expected = 0;
    int onTime = 0;
    int sent = 0;
    for (Assignment a : PLAN.assignments()) {
      if (a.mode() != WorkMode.WFH || !a.checkedIn()) {
        assertThat(a.pings()).isEmpty();
        continue;
      }
      expected += 3;
      CityUnit unit = CITY.unit(a.unitId());
      Set<Integer> seen = new HashSet<>();
      for (Assignment.Ping p : a.pings()) {
        assertThat(seen.add(p.window())).isTrue();
        assertThat(p.at()).isAfter(a.checkIn());
        LocalTime t = LocalTime.ofInstant(p.at(), unit.zone());
        LocalTime[] w = windows[p.window() - 1];
        assertThat(t).isAfterOrEqualTo(w[0]);
        sent++;
        if (t.isBefore(w[1])) onTime++;
      }
    }
    assertThat(expected).isGreaterThan(1_000);
    assertThat((double) onTime / expected).as("on time").isBetween(0.75, 0.97);
    assertThat((double) sent / expected).as("not missed").isBetween(0.85, 0.99);
    long pingEvents = PLAN.events().stream().filter(p -> !p.isAttendance()).count();
    assertThat(pingEvents).isEqualTo(sent);
    assertThat(PLAN.events())
        .filteredOn(p -> p.isAttendance() && p.attendance().mode == WorkMode.WFH)
        .isNotEmpty();
  }

  @Test
  void officeFixesLieInsideTheOfficeAndHomeFixesMostlyInsideTheRegion() {
    int home = 0;
    int homeInRegion = 0;
    for (Planned p : PLAN.events()) {
      CityUnit unit = CITY.unit(p.unitId());
      GeoFix fix = p.isAttendance() ? p.attendance().location : p.location().location;
      assertThat(fix.mock).isFalse();
      assertThat(fix.accuracyM).isBetween(5.0, 40.0);
      if (p.isAttendance() && p.attendance().mode == WorkMode.WFO) {
        assertThat(Geo.distanceM(fix.lat, fix.lon, unit.lat(), unit.lon()))
            .isLessThanOrEqualTo(unit.radiusM());
      } else {
        home++;
        if (unit.region().contains(fix.lat, fix.lon)) homeInRegion++;
        assertThat(Geo.distanceM(fix.lat, fix.lon, unit.lat(), unit.lon())).isGreaterThan(50);
      }
      String device = p.isAttendance() ? p.attendance().deviceId : p.location().deviceId;
      assertThat(device)
          .isEqualTo(
              CITY.staff(p.unitId()).stream()
                  .filter(e -> e.nip().equals(p.nip()))
                  .findFirst()
                  .orElseThrow()
                  .deviceId());
    }
    assertThat((double) homeInRegion / home).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void aFiveDayWeekKeepsOnlyThePiketOfEssentialUnitsOnSaturday() {
    City city = City.of(CityConfig.defaults().withWorkWeekends(false));
    DayPlan saturday = DayPlan.of(city, LocalDate.of(2026, 11, 28));
    assertThat(saturday.events()).isNotEmpty();
    for (Planned p : saturday.events()) {
      CityUnit u = city.unit(p.unitId());
      assertThat(u.essential()).as(u.unitId()).isTrue();
      assertThat(p.isAttendance()).isTrue();
      assertThat(p.attendance().mode).isEqualTo(WorkMode.WFO);
    }
    assertThat(saturday.assignments().stream().filter(Assignment::onDuty).count())
        .isLessThan(city.staffCount() / 4);
    // Weekdays are unaffected by the weekend setting.
    assertThat(ndjson(DayPlan.of(city, MONDAY))).isEqualTo(ndjson(PLAN));
  }

  @Test
  void thePlanIsTheDayOfEachRegionInItsOwnZone() {
    Instant earliest = PLAN.events().get(0).at();
    Instant latest = PLAN.events().get(PLAN.events().size() - 1).at();
    // From 06:00 WIT (21:00 UTC the day before) to at most 19:00 WIB (12:00 UTC).
    assertThat(earliest).isAfterOrEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
    assertThat(latest).isBeforeOrEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    LocationPing anyPing =
        PLAN.events().stream().filter(p -> !p.isAttendance()).findFirst().orElseThrow().location();
    assertThat(anyPing.validate()).isEmpty();
  }
}

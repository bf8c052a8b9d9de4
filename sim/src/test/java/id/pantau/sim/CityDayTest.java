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

class CityDayTest {
  static final City CITY = City.defaultCity();
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final CityDay PLAN = CityDay.of(CITY, MONDAY);

  static String ndjson(CityDay plan) {
    return plan.events().stream().map(Planned::json).collect(Collectors.joining("\n"));
  }

  static LocalTime localTime(Planned p) {
    return LocalTime.ofInstant(p.at(), CITY.unit(p.unitId()).zone());
  }

  @Test
  void theSameSeedAndDateGiveAnIdenticalPlan() {
    CityDay again = CityDay.of(City.of(CityConfig.defaults()), MONDAY);
    assertThat(ndjson(again)).isEqualTo(ndjson(PLAN));
    assertThat(again.assignments()).isEqualTo(PLAN.assignments());
  }

  @Test
  void anotherDateOrSeedGivesAnotherPlan() {
    CityDay tuesday = CityDay.of(CITY, MONDAY.plusDays(1));
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

    CityDay otherSeed = CityDay.of(City.of(CityConfig.defaults().withSeed(99)), MONDAY);
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
    for (CityRegion r : CITY.regions()) {
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

  /** Office-hours staff (not on a shift rota) working from the office today who checked in. */
  static List<Assignment> officeDayStaff(CityRegion r) {
    return PLAN.assignments().stream()
        .filter(a -> a.employee().regionId().equals(r.id()))
        .filter(a -> a.shift() == Shift.OFFICE && a.mode() == WorkMode.WFO && a.checkedIn())
        .toList();
  }

  static LocalTime local(Instant at, CityRegion r) {
    return LocalTime.ofInstant(at, r.zone());
  }

  @Test
  void mostOfficeCheckInsOfDayStaffFallBetween0645And0745LocalInEachZone() {
    for (CityRegion r : CITY.regions()) {
      List<LocalTime> arrivals =
          officeDayStaff(r).stream().map(a -> local(a.checkIn(), r)).toList();
      assertThat(arrivals).as(r.id()).hasSizeGreaterThan(150);
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
  void mostCheckOutsOfDayStaffFallBetween1545And1645Local() {
    List<LocalTime> departures =
        CITY.regions().stream()
            .flatMap(
                r ->
                    officeDayStaff(r).stream()
                        .filter(a -> a.checkOut() != null)
                        .map(a -> local(a.checkOut(), r)))
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
  void eachEmployeesCheckInsAndCheckOutsAlternateStartingWithACheckIn() {
    Map<String, List<AttendanceEvent>> byNip = new HashMap<>();
    for (Planned p : PLAN.events()) {
      if (p.isAttendance())
        byNip.computeIfAbsent(p.nip(), k -> new ArrayList<>()).add(p.attendance());
    }
    for (Map.Entry<String, List<AttendanceEvent>> e : byNip.entrySet()) {
      List<AttendanceEvent> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        assertThat(list.get(i).action)
            .as(e.getKey() + " #" + i)
            .isEqualTo(i % 2 == 0 ? Action.CHECK_IN : Action.CHECK_OUT);
        assertThat(list.get(i).mode).isEqualTo(list.get(0).mode);
        if (i > 0) assertThat(list.get(i).timeMs).isGreaterThan(list.get(i - 1).timeMs);
      }
      if (list.get(0).mode == WorkMode.WFH) assertThat(list).hasSizeBetween(1, 2);
    }
  }

  @Test
  void aFewDoNotCheckInAndAFewForgetToCheckOut() {
    List<Assignment> onDuty = PLAN.assignments().stream().filter(Assignment::onDuty).toList();
    // Everyone works today except the shift crews on their day off.
    long offCrews =
        CITY.employees().stream()
            .filter(e -> e.onRota() && Shift.ofCrew(e.crew(), MONDAY.toEpochDay()) == null)
            .count();
    assertThat(offCrews).isPositive();
    assertThat(onDuty).hasSize(CITY.staffCount() - (int) offCrews);
    long absent = onDuty.stream().filter(a -> !a.checkedIn()).count();
    assertThat((double) absent / onDuty.size()).isBetween(0.015, 0.05);
    List<Assignment> present = onDuty.stream().filter(Assignment::checkedIn).toList();
    long forgot = present.stream().filter(a -> a.checkOut() == null).count();
    assertThat((double) forgot / present.size()).isBetween(0.02, 0.065);
    // The events are exactly the ground truth: check-ins, fresh check-ins after midnight of the
    // night crew, returns from field trips.
    long checkIns =
        PLAN.events().stream()
            .filter(p -> p.isAttendance() && p.attendance().action == Action.CHECK_IN)
            .count();
    long resumed = PLAN.assignments().stream().filter(a -> a.overnight() != null).count();
    long trips = PLAN.assignments().stream().mapToLong(a -> a.fieldTrips().size()).sum();
    assertThat(checkIns).isEqualTo(present.size() + resumed + trips);
    long checkOuts =
        PLAN.events().stream()
            .filter(p -> p.isAttendance() && p.attendance().action == Action.CHECK_OUT)
            .count();
    long out =
        PLAN.assignments().stream()
            .filter(a -> a.checkOut() != null && a.shift() != Shift.NIGHT)
            .count();
    long morningOut =
        PLAN.assignments().stream()
            .filter(a -> a.overnight() != null && a.overnight().checkOut() != null)
            .count();
    assertThat(checkOuts).isEqualTo(out + morningOut + trips);
  }

  @Test
  void theOfficeShareOfOfficeHoursStaffFollowsEachRegionsZoneLevel() {
    for (CityRegion r : CITY.regions()) {
      List<Assignment> staff =
          PLAN.assignments().stream()
              .filter(a -> a.employee().regionId().equals(r.id()) && !a.employee().onRota())
              .toList();
      double wfo =
          staff.stream().filter(a -> a.mode() == WorkMode.WFO).count() / (double) staff.size();
      double cap = OfficeRoster.wfoCapPercent(r.level()) / 100.0;
      assertThat(wfo).as(r.id() + " " + r.level()).isBetween(cap - 0.15, cap + 0.10);
    }
    List<Assignment> officeHours =
        PLAN.assignments().stream().filter(a -> !a.employee().onRota()).toList();
    double all =
        officeHours.stream().filter(a -> a.mode() == WorkMode.WFO).count()
            / (double) officeHours.size();
    assertThat(all).isBetween(0.45, 0.80);
    // Staff on a rota work from the office whenever on shift.
    assertThat(PLAN.assignments())
        .filteredOn(a -> a.employee().onRota() && a.onDuty())
        .allSatisfy(a -> assertThat(a.mode()).isEqualTo(WorkMode.WFO));
  }

  @Test
  void essentialUnitsRosterAtLeastTheirFloorInTheOfficeDuringTheDay() {
    for (CityUnit u : CITY.units()) {
      if (!u.essential()) continue;
      long wfo =
          PLAN.assignments().stream()
              .filter(a -> a.unitId().equals(u.unitId()) && a.mode() == WorkMode.WFO)
              .filter(a -> a.shift() == Shift.OFFICE || a.shift() == Shift.MORNING)
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
        assertThat(Coordinates.distanceM(fix.lat, fix.lon, unit.lat(), unit.lon()))
            .isLessThanOrEqualTo(unit.radiusM());
      } else {
        home++;
        if (unit.region().contains(fix.lat, fix.lon)) homeInRegion++;
        assertThat(Coordinates.distanceM(fix.lat, fix.lon, unit.lat(), unit.lon()))
            .isGreaterThan(50);
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
    CityDay saturday = CityDay.of(city, LocalDate.of(2026, 11, 28));
    assertThat(saturday.events()).isNotEmpty();
    for (Planned p : saturday.events()) {
      CityUnit u = city.unit(p.unitId());
      assertThat(u.essential() || u.roundTheClock()).as(u.unitId()).isTrue();
      assertThat(p.isAttendance()).isTrue();
      assertThat(p.attendance().mode).isEqualTo(WorkMode.WFO);
    }
    assertThat(
            saturday.assignments().stream()
                .filter(a -> a.onDuty() && !a.employee().onRota())
                .count())
        .isLessThan(city.staffCount() / 10);
    // Shift crews work their rota at the weekend too.
    assertThat(saturday.assignments())
        .filteredOn(a -> a.employee().onRota())
        .filteredOn(a -> a.shift() == Shift.NIGHT)
        .isNotEmpty();
    // Weekdays are unaffected by the weekend setting.
    assertThat(ndjson(CityDay.of(city, MONDAY))).isEqualTo(ndjson(PLAN));
  }

  @Test
  void thePlanIsTheDayOfEachRegionInItsOwnZone() {
    Instant earliest = PLAN.events().get(0).at();
    Instant latest = PLAN.events().get(PLAN.events().size() - 1).at();
    // From 00:00 WIT (15:00 UTC the day before) to before midnight WIB (17:00 UTC).
    assertThat(earliest).isAfterOrEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
    assertThat(latest).isBefore(Instant.parse("2026-11-23T17:00:00Z"));
    // Round-the-clock units keep each region busy from just after its midnight.
    for (CityRegion r : CITY.regions()) {
      assertThat(localTime(PLAN.events(r.id()).get(0))).isBefore(LocalTime.of(0, 1));
      assertThat(localTime(PLAN.events(r.id()).get(PLAN.events(r.id()).size() - 1)))
          .isAfter(LocalTime.of(23, 0));
    }
    LocationPing anyPing =
        PLAN.events().stream().filter(p -> !p.isAttendance()).findFirst().orElseThrow().location();
    assertThat(anyPing.validate()).isEmpty();
  }
}

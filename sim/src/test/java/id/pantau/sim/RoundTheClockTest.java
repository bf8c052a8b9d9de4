package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Shift crews round the clock and field duty: the city moves at every hour. */
class RoundTheClockTest {
  static final City CITY = City.defaultCity();
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final CityDay SUNDAY_PLAN = CityDay.of(CITY, MONDAY.minusDays(1));
  static final CityDay PLAN = CityDay.of(CITY, MONDAY);
  static final CityDay TUESDAY_PLAN = CityDay.of(CITY, MONDAY.plusDays(1));

  /**
   * Replays a plan's attendance as the occupancy job counts it (each employee's latest fact of the
   * local day; a plan holds one local day per region) and returns, per region, how often some
   * unit's present count changed in each local hour.
   */
  static Map<String, int[]> changesPerLocalHour(CityDay plan) {
    Map<String, int[]> changes = new HashMap<>();
    Map<String, Set<String>> present = new HashMap<>();
    for (Planned p : plan.events()) {
      if (!p.isAttendance()) continue;
      CityUnit u = CITY.unit(p.unitId());
      Set<String> in = present.computeIfAbsent(u.unitId(), k -> new HashSet<>());
      boolean changed = p.attendance().isOfficeCheckIn() ? in.add(p.nip()) : in.remove(p.nip());
      if (changed) {
        int hour = ZonedDateTime.ofInstant(p.at(), u.zone()).getHour();
        changes.computeIfAbsent(u.region().id(), k -> new int[24])[hour]++;
      }
    }
    return changes;
  }

  @Test
  void everyRegionHasAUnitWorkingRoundTheClockAlsoInTheSmallestCity() {
    for (City city :
        List.of(
            CITY,
            City.of(CityConfig.defaults().withSize(3, 300)),
            City.of(CityConfig.defaults().withSize(6, 600).withSeed(7)))) {
      for (CityRegion r : city.regions()) {
        assertThat(city.units())
            .as(r.id())
            .anySatisfy(
                u -> {
                  assertThat(u.region()).isEqualTo(r);
                  assertThat(u.roundTheClock()).isTrue();
                });
      }
    }
    // Every unit on a rota has every crew, each of at least two people.
    for (CityUnit u : CITY.units()) {
      Map<Integer, Long> crews =
          CITY.staff(u.unitId()).stream()
              .filter(Employee::onRota)
              .collect(Collectors.groupingBy(Employee::crew, Collectors.counting()));
      if (!u.roundTheClock()) {
        assertThat(crews).as(u.unitId()).isEmpty();
        continue;
      }
      assertThat(crews).as(u.unitId()).containsOnlyKeys(0, 1, 2, 3);
      assertThat(crews.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }
  }

  @Test
  void crewsRotateMorningAfternoonNightAndADayOff() {
    for (int crew = 0; crew < Shift.CREWS; crew++) {
      long day = MONDAY.toEpochDay();
      EnumSet<Shift> seen = EnumSet.noneOf(Shift.class);
      int off = 0;
      for (int d = 0; d < Shift.CREWS; d++) {
        Shift s = Shift.ofCrew(crew, day + d);
        if (s == null) off++;
        else seen.add(s);
        // After a night comes the day off, after the day off the morning shift.
        if (s == Shift.NIGHT) assertThat(Shift.ofCrew(crew, day + d + 1)).isNull();
        if (s == null) assertThat(Shift.ofCrew(crew, day + d + 1)).isEqualTo(Shift.MORNING);
      }
      assertThat(seen).containsExactly(Shift.MORNING, Shift.AFTERNOON, Shift.NIGHT);
      assertThat(off).isEqualTo(1);
    }
  }

  @Test
  void atEveryLocalHourSomeUnitsPresentCountChangesInEachRegion() {
    for (CityDay plan : List.of(SUNDAY_PLAN, PLAN, TUESDAY_PLAN)) {
      Map<String, int[]> changes = changesPerLocalHour(plan);
      for (CityRegion r : CITY.regions()) {
        int[] perHour = changes.get(r.id());
        for (int h = 0; h < 24; h++) {
          assertThat(perHour[h]).as(plan.date() + " " + r.id() + " hour " + h).isPositive();
        }
      }
    }
  }

  @Test
  void acrossTheCityAFewChangesAMinuteAtAnyHourAndMoreInOfficeHours() {
    // The hours of Monday in every zone: from 00:00 WIT to 24:00 WIB, Sunday to Tuesday plans.
    Instant from = MONDAY.atStartOfDay(ZoneId.of("Asia/Jayapura")).toInstant();
    Instant to = MONDAY.plusDays(1).atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant();
    List<Instant> changes = new ArrayList<>();
    for (CityDay plan : List.of(SUNDAY_PLAN, PLAN, TUESDAY_PLAN)) {
      Map<String, Set<String>> present = new HashMap<>();
      for (Planned p : plan.events()) {
        if (!p.isAttendance()) continue;
        Set<String> in = present.computeIfAbsent(p.unitId(), k -> new HashSet<>());
        boolean changed = p.attendance().isOfficeCheckIn() ? in.add(p.nip()) : in.remove(p.nip());
        if (changed && !p.at().isBefore(from) && p.at().isBefore(to)) changes.add(p.at());
      }
    }
    int hours = (int) Duration.between(from, to).toHours();
    int[] perHour = new int[hours];
    for (Instant t : changes) perHour[(int) Duration.between(from, t).toHours()]++;
    for (int h = 0; h < hours; h++) {
      assertThat(perHour[h]).as("changes in hour " + h + " after 00:00 WIT").isGreaterThan(120);
    }
    // 10:00 WIB is 11:00 WITA and 12:00 WIT: office hours everywhere; 03:00 WIB is night.
    int officeHours = perHour[12];
    int night = perHour[5]; // 05:00 WIT, 04:00 WITA, 03:00 WIB
    assertThat(officeHours).isGreaterThan(night);
  }

  @Test
  void aNightShiftCrossingMidnightChecksInOnBothDatesAndOutTheNextMorning() {
    List<Assignment> nights =
        PLAN.assignments().stream().filter(a -> a.shift() == Shift.NIGHT && a.checkedIn()).toList();
    assertThat(nights).hasSizeGreaterThan(30);
    Map<String, List<Planned>> monday = byNip(PLAN);
    Map<String, List<Planned>> tuesday = byNip(TUESDAY_PLAN);
    int checkedOut = 0;
    for (Assignment a : nights) {
      ZoneId zone = CITY.unit(a.unitId()).zone();
      // Monday: the check-in around 23:00, no check-out after it (a patrol before midnight is
      // back by 23:45).
      List<Planned> before = monday.get(a.nip());
      Planned last = before.get(before.size() - 1);
      assertThat(last.attendance().action).isEqualTo(Action.CHECK_IN);
      assertThat(at(before, a.checkIn()).attendance().action).isEqualTo(Action.CHECK_IN);
      assertThat(LocalTime.ofInstant(last.at(), zone)).isBefore(LocalTime.of(23, 46));
      assertThat(LocalTime.ofInstant(a.checkIn(), zone))
          .isBetween(LocalTime.of(22, 25), LocalTime.of(23, 30));
      // Tuesday: a fresh check-in at 00:00:0x, then the morning check-out (unless forgotten).
      Assignment next = TUESDAY_PLAN.assignment(a.nip());
      assertThat(next.onDuty()).as("the day off after the night").isFalse();
      assertThat(next.overnight()).isNotNull();
      assertThat(next.overnight().checkOut()).isEqualTo(a.checkOut());
      List<Planned> after = tuesday.get(a.nip());
      Planned resume = after.get(0);
      assertThat(resume.attendance().action).isEqualTo(Action.CHECK_IN);
      assertThat(resume.at()).isEqualTo(next.overnight().resumeAt());
      assertThat(LocalTime.ofInstant(resume.at(), zone))
          .isBetween(LocalTime.of(0, 0, 1), LocalTime.of(0, 0, 9));
      assertThat(ZonedDateTime.ofInstant(resume.at(), zone).toLocalDate())
          .isEqualTo(MONDAY.plusDays(1));
      if (a.checkOut() != null) {
        checkedOut++;
        Planned out = after.get(after.size() - 1);
        assertThat(out.attendance().action).isEqualTo(Action.CHECK_OUT);
        assertThat(out.at()).isEqualTo(a.checkOut());
        assertThat(LocalTime.ofInstant(out.at(), zone))
            .isBetween(LocalTime.of(6, 30), LocalTime.of(8, 1));
      } else {
        assertThat(after.get(after.size() - 1).attendance().action).isEqualTo(Action.CHECK_IN);
      }
    }
    assertThat(checkedOut).isGreaterThan(nights.size() * 9 / 10);
  }

  @Test
  void shiftChangesOverlapAFewMinutesAndSomeComeLate() {
    for (Shift s : List.of(Shift.MORNING, Shift.AFTERNOON, Shift.NIGHT)) {
      List<Assignment> crew =
          PLAN.assignments().stream().filter(a -> a.shift() == s && a.checkedIn()).toList();
      assertThat(crew).as(s.name()).hasSizeGreaterThan(30);
      long early = crew.stream().filter(a -> localTime(a.checkIn(), a).isBefore(s.start())).count();
      long late = crew.stream().filter(a -> localTime(a.checkIn(), a).isAfter(s.start())).count();
      assertThat((double) early / crew.size()).as(s + " early for the handover").isGreaterThan(0.8);
      assertThat(late).as(s + " late").isPositive();
    }
  }

  @Test
  void fieldTripsCheckOutThenBackInTheSameEmployee20To120MinutesLater() {
    Map<String, List<Planned>> byNip = byNip(PLAN);
    int trips = 0;
    int nightTrips = 0;
    int officeTrips = 0;
    for (Assignment a : PLAN.assignments()) {
      CityUnit unit = CITY.unit(a.unitId());
      Instant previousBack = null;
      for (Assignment.FieldTrip f : a.fieldTrips()) {
        trips++;
        Duration d = Duration.between(f.out(), f.back());
        assertThat(d).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(120));
        if (previousBack != null) assertThat(f.out()).isAfter(previousBack);
        previousBack = f.back();
        assertThat(a.inOfficeAt(f.out().minusSeconds(60))).isTrue();
        assertThat(a.inOfficeAt(f.out())).isFalse();
        assertThat(a.inOfficeAt(f.back())).isTrue();
        List<Planned> events = byNip.get(a.nip());
        Planned out = at(events, f.out());
        Planned back = at(events, f.back());
        assertThat(out.attendance().action).isEqualTo(Action.CHECK_OUT);
        assertThat(back.attendance().action).isEqualTo(Action.CHECK_IN);
        assertThat(out.unitId()).isEqualTo(back.unitId()).isEqualTo(unit.unitId());
        assertThat(back.attendance().isOfficeCheckIn()).isTrue();
        int hour = ZonedDateTime.ofInstant(f.out(), unit.zone()).getHour();
        if (hour < 5) nightTrips++;
        if (!a.employee().onRota()) officeTrips++;
      }
    }
    assertThat(trips).isGreaterThan(500);
    assertThat(nightTrips).as("trips between 00:00 and 05:00").isGreaterThan(50);
    assertThat(officeTrips).as("field visits of office-hours staff").isGreaterThan(50);
    // Kelurahan, kecamatan and Dishub staff go out in the day as well.
    Set<String> units =
        PLAN.assignments().stream()
            .filter(a -> !a.fieldTrips().isEmpty() && !a.employee().onRota())
            .map(Assignment::unitId)
            .collect(Collectors.toSet());
    assertThat(units).contains("tng-kec-cipondoh", "mks-kec-panakkukang", "jyp-distrik-abepura");
  }

  @Test
  void theEventsReplayToTheGroundTruthAtEveryQuarterHour() {
    Map<String, List<Planned>> byNip = byNip(PLAN);
    for (Assignment a : PLAN.assignments()) {
      ZoneId zone = CITY.unit(a.unitId()).zone();
      List<Planned> events = byNip.getOrDefault(a.nip(), List.of());
      for (int q = 0; q < 96; q++) {
        Instant t = MONDAY.atTime(LocalTime.ofSecondOfDay(q * 900L + 7)).atZone(zone).toInstant();
        boolean in = false;
        for (Planned p : events) {
          if (p.at().isAfter(t)) break;
          if (p.isAttendance()) in = p.attendance().isOfficeCheckIn();
        }
        assertThat(a.inOfficeAt(t)).as(a.nip() + " at " + t).isEqualTo(in);
      }
    }
  }

  @Test
  void shiftsAndFieldTripsAreTheSameForTheSameSeedAndDate() {
    CityDay again = CityDay.of(City.of(CityConfig.defaults()), MONDAY.plusDays(1));
    assertThat(again.assignments()).isEqualTo(TUESDAY_PLAN.assignments());
    assertThat(again.events().stream().map(Planned::json).toList())
        .isEqualTo(TUESDAY_PLAN.events().stream().map(Planned::json).toList());
    CityDay otherSeed = CityDay.of(City.of(CityConfig.defaults().withSeed(5)), MONDAY);
    assertThat(otherSeed.assignments().stream().flatMap(a -> a.fieldTrips().stream()).toList())
        .isNotEqualTo(PLAN.assignments().stream().flatMap(a -> a.fieldTrips().stream()).toList());
  }

  static LocalTime localTime(Instant at, Assignment a) {
    return LocalTime.ofInstant(at, CITY.unit(a.unitId()).zone());
  }

  static Map<String, List<Planned>> byNip(CityDay plan) {
    Map<String, List<Planned>> m = new HashMap<>();
    for (Planned p : plan.events()) {
      if (p.isAttendance()) m.computeIfAbsent(p.nip(), k -> new ArrayList<>()).add(p);
    }
    return m;
  }

  static Planned at(List<Planned> events, Instant t) {
    return events.stream().filter(p -> p.at().equals(t)).findFirst().orElseThrow();
  }
}

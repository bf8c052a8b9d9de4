package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Json;
import id.pantau.events.RosterMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimDayTest {
  static final City CITY = City.of(CityConfig.defaults().withSize(6, 300));
  static final LocalDate DATE = LocalDate.of(2026, 11, 23);

  @Test
  void theSameSeedAndDateGiveTheSameDayRecordForRecord() {
    SimDay a = SimDay.of(CITY, DATE, Faults.all());
    SimDay b = SimDay.of(City.of(CityConfig.defaults().withSize(6, 300)), DATE, Faults.all());
    assertThat(b.sends()).isEqualTo(a.sends());
    assertThat(b.zones()).isEqualTo(a.zones());
    assertThat(Json.text(b.rosters())).isEqualTo(Json.text(a.rosters()));
  }

  @Test
  void oneRegionChangesItsZoneLevelAtNoon() {
    SimDay day = SimDay.of(CITY, DATE, Faults.all());
    assertThat(day.zones()).hasSize(CITY.regions().size() + 1);
    SimDay.ZoneVersion change =
        day.zones().stream()
            .filter(z -> z.effectiveFrom().isAfter(day.referenceAt()))
            .findFirst()
            .orElseThrow();
    CityRegion r = CITY.region(change.regionId());
    assertThat(change.effectiveFrom().atZone(r.zone()).toLocalTime().toString()).isEqualTo("12:00");
    assertThat(change.level().ordinal()).isGreaterThan(r.level().ordinal());
  }

  @Test
  void rostersEveryoneOnDutyWithLeaveAndSickForSomeWhoDoNotCome() {
    SimDay day = SimDay.of(CITY, DATE, Faults.all());
    long onDuty = day.plan().assignments().stream().filter(Assignment::onDuty).count();
    assertThat(day.rosters()).hasSize((int) onDuty);
    Set<RosterMode> modes = day.rosters().stream().map(r -> r.mode).collect(Collectors.toSet());
    assertThat(modes).contains(RosterMode.WFO, RosterMode.WFH, RosterMode.PIKET);
    assertThat(modes).containsAnyOf(RosterMode.LEAVE, RosterMode.SICK);
  }

  @Test
  void offlinePhonesUploadLateAndSomeEventsGoTwice() {
    SimDay day = SimDay.of(CITY, DATE, Faults.all());
    long late =
        day.accepted().values().stream()
            .filter(a -> a.receivedAt().isAfter(a.planned().at().plusSeconds(600)))
            .count();
    assertThat(late).isGreaterThan(0);
    assertThat(
            day.accepted().values().stream().filter(a -> a.receivedAt().isBefore(a.planned().at())))
        .isEmpty();
    assertThat(day.sends().stream().filter(s -> s.kind() == SimDay.Kind.DUPLICATE)).isNotEmpty();
    assertThat(day.accepted().values().stream().filter(SimDay.Accepted::mock)).isNotEmpty();
  }

  @Test
  void everyMalformedRecordFailsValidationAndEveryOtherPasses() {
    SimDay day = SimDay.of(CITY, DATE, Faults.all());
    List<SimDay.Send> bad =
        day.sends().stream()
            .filter(
                s ->
                    s.kind() == SimDay.Kind.MALFORMED_LINE
                        || s.kind() == SimDay.Kind.MALFORMED_SINGLE)
            .toList();
    assertThat(bad).hasSize(day.malformed()).isNotEmpty();
    for (SimDay.Accepted a : day.accepted().values()) assertThat(a.planned().validate()).isEmpty();
  }

  @Test
  void withoutFaultsEveryEventIsSentOnceWhenItHappens() {
    SimDay day = SimDay.of(CITY, DATE, Faults.none());
    assertThat(day.sends()).hasSize(day.plan().events().size());
    assertThat(day.sends()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(SimDay.Kind.EVENT));
  }
}

package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.events.Decoded;
import id.pantau.events.Json;
import id.pantau.events.Unit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CityTest {
  static final City CITY = City.defaultCity();

  @Test
  void theSameSeedBuildsTheSameCity() {
    City again = City.of(CityConfig.defaults());
    assertThat(again.regions()).isEqualTo(CITY.regions());
    assertThat(again.units()).isEqualTo(CITY.units());
    assertThat(again.employees()).isEqualTo(CITY.employees());
  }

  @Test
  void anotherSeedBuildsAnotherCityWithTheSameCoreUnits() {
    City other = City.of(CityConfig.defaults().withSeed(7));
    assertThat(other.employees()).isNotEqualTo(CITY.employees());
    assertThat(other.units()).isNotEqualTo(CITY.units());
    assertThat(other.units())
        .extracting(CityUnit::unitId)
        .contains("tng-disdukcapil", "mks-bkpsdm", "jyp-puskesmas-abepura");
  }

  @Test
  void theDefaultCityHasAtLeast20UnitsAnd2000StaffWhoseHeadcountsSumToTheStaff() {
    assertThat(CITY.units()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(CITY.staffCount()).isGreaterThanOrEqualTo(2_000);
    assertThat(CITY.units().stream().mapToInt(CityUnit::headcount).sum())
        .isEqualTo(CITY.staffCount())
        .isEqualTo(CityConfig.DEFAULT_STAFF);
    for (CityUnit u : CITY.units()) {
      assertThat(CITY.staff(u.unitId())).hasSize(u.headcount());
      assertThat(u.headcount()).isBetween(10, 250);
    }
  }

  @Test
  void headcountsSumToTheStaffAtTheEdgesOfWhatTheUnitsCanHold() {
    for (int[] size : new int[][] {{20, 200}, {20, 5_000}, {30, 2_345}, {3, 30}}) {
      City c = City.of(CityConfig.defaults().withSize(size[0], size[1]));
      assertThat(c.units()).hasSize(size[0]);
      assertThat(c.units().stream().mapToInt(CityUnit::headcount).sum()).isEqualTo(size[1]);
      assertThat(c.units()).allSatisfy(u -> assertThat(u.headcount()).isBetween(10, 250));
    }
  }

  @Test
  void refusesSizesTheUnitsCannotHold() {
    assertThatThrownBy(() -> CityConfig.defaults().withSize(20, 199))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staff");
    assertThatThrownBy(() -> CityConfig.defaults().withSize(20, 5_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CityConfig.defaults().withSize(Catalogue.maxUnits() + 1, 20_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("units");
  }

  @Test
  void theLargestCityUsesEveryUnitNameOnce() {
    int max = Catalogue.maxUnits();
    City c = City.of(CityConfig.defaults().withSize(max, max * 100));
    assertThat(c.units()).extracting(CityUnit::unitId).doesNotHaveDuplicates().hasSize(max);
  }

  @Test
  void regionsLieInTheThreeTimeZonesOfIndonesia() {
    assertThat(CITY.regions())
        .extracting(CityRegion::id)
        .containsExactly("kota-tangerang", "kota-makassar", "kota-jayapura");
    assertThat(CITY.regions())
        .extracting(CityRegion::zone)
        .containsExactly(
            ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Makassar"), ZoneId.of("Asia/Jayapura"));
    assertThat(CITY.regions())
        .extracting(CityRegion::zoneName)
        .containsExactly("WIB", "WITA", "WIT");
    Map<String, Long> unitsPerRegion =
        CITY.units().stream()
            .collect(Collectors.groupingBy(u -> u.region().id(), Collectors.counting()));
    assertThat(unitsPerRegion).containsOnlyKeys("kota-tangerang", "kota-makassar", "kota-jayapura");
    assertThat(unitsPerRegion.values()).allSatisfy(n -> assertThat(n).isEqualTo(8L));
  }

  @Test
  void unitsCarryRealisticIdsAndNames() {
    assertThat(CITY.units())
        .extracting(CityUnit::unitId)
        .doesNotHaveDuplicates()
        .contains(
            "tng-disdukcapil",
            "tng-dinkes",
            "tng-damkar",
            "tng-kec-cipondoh",
            "mks-bkpsdm",
            "jyp-puskesmas-abepura")
        .allSatisfy(id -> assertThat(id).matches("(tng|mks|jyp)-[a-z0-9-]+"));
    assertThat(CITY.unit("tng-disdukcapil").name())
        .isEqualTo("Dinas Kependudukan dan Pencatatan Sipil");
    assertThat(CITY.unit("jyp-puskesmas-abepura").name()).isEqualTo("Puskesmas Abepura");
    assertThat(CITY.unit("mks-bkpsdm").region().id()).isEqualTo("kota-makassar");
  }

  @Test
  void essentialUnitsHaveAStaffingFloorAndTheOthersNone() {
    assertThat(CITY.unit("tng-disdukcapil").essential()).isTrue();
    assertThat(CITY.unit("tng-damkar").essential()).isTrue();
    assertThat(CITY.unit("tng-kec-cipondoh").essential()).isTrue();
    assertThat(CITY.unit("jyp-puskesmas-abepura").essential()).isTrue();
    assertThat(CITY.unit("mks-bkpsdm").essential()).isFalse();
    for (CityUnit u : CITY.units()) {
      if (u.essential()) assertThat(u.minPresent()).as(u.unitId()).isPositive();
      else assertThat(u.minPresent()).as(u.unitId()).isZero();
      assertThat(u.minPresent())
          .isLessThanOrEqualTo(Math.max(2, (int) Math.ceil(u.headcount() * 0.2)));
    }
  }

  @Test
  void everyUnitPassesValidationAlsoAfterAJsonRoundTrip() {
    for (CityUnit u : CITY.units()) {
      Unit unit = u.toUnit();
      assertThat(unit.validate()).as(u.unitId()).isEmpty();
      Decoded<Unit> decoded = Json.unit(Json.bytes(unit));
      assertThat(decoded.errors()).as(u.unitId()).isEmpty();
      assertThat(decoded.value().office.radiusM).isBetween(80.0, 200.0);
    }
  }

  @Test
  void officesAreCirclesNearTheirCityCentre() {
    for (CityUnit u : CITY.units()) {
      CityRegion r = u.region();
      assertThat(Coordinates.distanceM(u.lat(), u.lon(), r.lat(), r.lon()))
          .as(u.unitId())
          .isLessThan(7_000);
      assertThat(u.radiusM()).isBetween(80.0, 200.0);
    }
    CityRegion tangerang = CITY.region("kota-tangerang");
    assertThat(tangerang.lat()).isCloseTo(-6.18, org.assertj.core.data.Offset.offset(0.05));
    assertThat(tangerang.lon()).isCloseTo(106.63, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void nipsAreUniqueAndShapedLikeRealOnes() {
    Set<String> seen = new HashSet<>();
    for (Employee e : CITY.employees()) {
      String nip = e.nip();
      assertThat(nip).matches("\\d{18}");
      assertThat(seen.add(nip)).as("unique " + nip).isTrue();
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(nip.substring(0, 4)),
              Integer.parseInt(nip.substring(4, 6)),
              Integer.parseInt(nip.substring(6, 8)));
      YearMonth appointed =
          YearMonth.of(
              Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
      assertThat(born.getYear()).isBetween(1960, 2005);
      assertThat(appointed.getYear() - born.getYear()).isBetween(18, 35);
      assertThat(nip.charAt(14)).isIn('1', '2');
      assertThat(nip.substring(15)).isNotEqualTo("000");
      assertThat(e.deviceId()).matches("[0-9a-f]{16}");
    }
  }

  @Test
  void homesLieInsideTheRegion() {
    for (Employee e : CITY.employees()) {
      assertThat(CITY.region(e.regionId()).contains(e.homeLat(), e.homeLon())).isTrue();
    }
    List<CityRegion> regions = CITY.regions();
    assertThat(regions).allSatisfy(r -> assertThat(r.boundaryRing()).hasSize(5));
  }
}

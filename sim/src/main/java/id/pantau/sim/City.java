package id.pantau.sim;

import id.pantau.events.ZoneLevel;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic simulated city: three regions in WIB, WITA and WIT, their units and their staff,
 * all derived from {@link CityConfig#seed()}. Immutable; build it with {@link #of(CityConfig)}.
 */
public final class City {
  private static final long REGION_SALT = 0x52454749L;
  private static final long UNIT_SALT = 0x554E4954L;
  private static final long STAFF_SALT = 0x53544146L;
  private static final int ROUND_THE_CLOCK_PICKS = 2;

  private final CityConfig config;
  private final List<CityRegion> regions;
  private final Map<String, CityRegion> regionsById = new LinkedHashMap<>();
  private final List<CityUnit> units;
  private final Map<String, CityUnit> unitsById = new LinkedHashMap<>();
  private final List<Employee> employees;
  private final Map<String, List<Employee>> staffByUnit = new LinkedHashMap<>();

  private City(CityConfig config) {
    this.config = config;
    long seed = config.seed();

    List<CityRegion> rs = new ArrayList<>();
    for (Catalogue.RegionSpec spec : Catalogue.REGIONS) {
      Rng r = Rng.of(seed, REGION_SALT, Rng.hash(spec.id()));
      // The demo keeps between half and three quarters of staff in the office (LOW or MEDIUM).
      ZoneLevel level = r.chance(0.5) ? ZoneLevel.LOW : ZoneLevel.MEDIUM;
      CityRegion region =
          new CityRegion(
              spec.id(), spec.name(), spec.province(), spec.zone(), spec.lat(), spec.lon(), level);
      rs.add(region);
      regionsById.put(region.id(), region);
    }
    this.regions = List.copyOf(rs);

    // Which units: each region's core first, then a seeded pick from its pool.
    List<Catalogue.Entry> entries = new ArrayList<>();
    List<CityRegion> entryRegions = new ArrayList<>();
    int n = config.units();
    int regionCount = Catalogue.REGIONS.size();
    for (int i = 0; i < regionCount; i++) {
      Catalogue.RegionSpec spec = Catalogue.REGIONS.get(i);
      int k = n / regionCount + (i < n % regionCount ? 1 : 0);
      List<Catalogue.Entry> chosen = new ArrayList<>(spec.core());
      List<Catalogue.Entry> pool = new ArrayList<>(spec.pool());
      shuffle(pool, Rng.of(seed, UNIT_SALT, Rng.hash(spec.id())));
      // The first two picks from the pool work round the clock (fire brigade, hospital, Satpol PP,
      // Dishub …), so that every region has staff on shift at night.
      int front = 0;
      for (int j = 0; j < pool.size() && front < ROUND_THE_CLOCK_PICKS; j++) {
        if (pool.get(j).roundTheClock()) pool.add(front++, pool.remove(j));
      }
      chosen.addAll(pool);
      List<Catalogue.Entry> picked = new ArrayList<>(chosen.subList(0, k));
      if (picked.stream().noneMatch(Catalogue.Entry::roundTheClock)) {
        // A region of very few units: its last unit is one that works round the clock.
        chosen.stream()
            .skip(k)
            .filter(Catalogue.Entry::roundTheClock)
            .findFirst()
            .ifPresent(e -> picked.set(k - 1, e));
      }
      for (Catalogue.Entry e : picked) {
        entries.add(e);
        entryRegions.add(rs.get(i));
      }
    }

    int[] headcounts = headcounts(entries, config.staff(), Rng.of(seed, UNIT_SALT, 1));

    List<CityUnit> us = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Catalogue.Entry e = entries.get(i);
      CityRegion region = entryRegions.get(i);
      String unitId = Catalogue.REGIONS.get(rs.indexOf(region)).prefix() + "-" + e.suffix();
      Rng r = Rng.of(seed, UNIT_SALT, Rng.hash(unitId));
      int headcount = headcounts[i];
      int minPresent =
          e.essential()
              ? Math.min(headcount, Math.max(2, (int) Math.ceil(headcount * e.floorShare())))
              : 0;
      double distanceM = e.kind().nearCityHall() ? r.uniform(150, 2_500) : r.uniform(1_200, 6_000);
      double bearing = r.uniform(0, 2 * Math.PI);
      double[] office = Coordinates.offset(region.lat(), region.lon(), distanceM, bearing);
      double radiusM = Math.round(r.uniform(80, 200));
      CityUnit unit =
          new CityUnit(
              unitId,
              e.name(),
              region,
              headcount,
              e.essential(),
              minPresent,
              Coordinates.round6(office[0]),
              Coordinates.round6(office[1]),
              radiusM,
              e.duty());
      us.add(unit);
      unitsById.put(unitId, unit);
    }
    this.units = List.copyOf(us);

    List<Employee> all = new ArrayList<>();
    Set<String> nips = new HashSet<>();
    for (int u = 0; u < us.size(); u++) {
      CityUnit unit = us.get(u);
      List<Employee> staff = new ArrayList<>(unit.headcount());
      for (int k = 0; k < unit.headcount(); k++) {
        Rng r = Rng.of(seed, STAFF_SALT, Rng.hash(unit.unitId()), k);
        Employee emp = employee(unit, r, nips, crew(unit, k));
        staff.add(emp);
        all.add(emp);
      }
      staffByUnit.put(unit.unitId(), List.copyOf(staff));
    }
    this.employees = List.copyOf(all);
  }

  public static City of(CityConfig config) {
    return new City(config);
  }

  /** The default demo city: 24 units, 2,400 staff. */
  public static City defaultCity() {
    return of(CityConfig.defaults());
  }

  public CityConfig config() {
    return config;
  }

  public long seed() {
    return config.seed();
  }

  public List<CityRegion> regions() {
    return regions;
  }

  public CityRegion region(String regionId) {
    return Known.get(regionsById, "region", regionId);
  }

  public List<CityUnit> units() {
    return units;
  }

  public CityUnit unit(String unitId) {
    return Known.get(unitsById, "unit", unitId);
  }

  public List<Employee> employees() {
    return employees;
  }

  /** The staff of one unit, in a stable order. */
  public List<Employee> staff(String unitId) {
    return Known.get(staffByUnit, "unit", unitId);
  }

  public int staffCount() {
    return employees.size();
  }

  // ---------------------------------------------------------------------------------------------

  /** Draws a size per unit from its kind, then scales them to sum to the staff, each 10–250. */
  private static int[] headcounts(List<Catalogue.Entry> entries, int staff, Rng r) {
    int n = entries.size();
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      Catalogue.Kind kind = entries.get(i).kind();
      w[i] = r.uniform(kind.minSize, kind.maxSize);
      sum += w[i];
    }
    int[] h = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      h[i] = clamp((int) Math.round(w[i] * staff / sum));
      total += h[i];
    }
    // Spread the rounding and clamping difference one by one, largest units first.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
    int diff = staff - total;
    for (int step = 0; diff != 0; step++) {
      int j = order[step % n];
      if (diff > 0 && h[j] < CityConfig.MAX_HEADCOUNT) {
        h[j]++;
        diff--;
      } else if (diff < 0 && h[j] > CityConfig.MIN_HEADCOUNT) {
        h[j]--;
        diff++;
      }
    }
    return h;
  }

  private static int clamp(int h) {
    return Math.max(CityConfig.MIN_HEADCOUNT, Math.min(CityConfig.MAX_HEADCOUNT, h));
  }

  /**
   * The crew of the unit's {@code k}-th employee: the first share of the staff (at least two per
   * crew) is on the round-the-clock rota, dealt round the four crews; the rest keep office hours.
   */
  static int crew(CityUnit unit, int k) {
    if (!unit.roundTheClock()) return -1;
    int n = unit.headcount();
    int onRota =
        Math.min(n - 2, Math.max(2 * Shift.CREWS, (int) Math.round(n * unit.duty().shiftShare())));
    return k < onRota ? k % Shift.CREWS : -1;
  }

  private static Employee employee(CityUnit unit, Rng r, Set<String> nips, int crew) {
    // Born 1966–2000, appointed at 20–35 and not after 2024 (PP 11/2017: CPNS from 18 to 35).
    int birthYear = r.between(1966, 2000);
    int birthMonth = r.between(1, 12);
    int birthDay = r.between(1, YearMonth.of(birthYear, birthMonth).lengthOfMonth());
    int appointYear = Math.min(2024, birthYear + r.between(20, 35));
    int appointMonth = r.between(1, 12);
    int sex = r.chance(0.52) ? 2 : 1;
    int sequence = r.between(1, 999);
    String prefix =
        String.format(
            Locale.ROOT,
            "%04d%02d%02d%04d%02d%d",
            birthYear,
            birthMonth,
            birthDay,
            appointYear,
            appointMonth,
            sex);
    String nip;
    do {
      nip = prefix + String.format(Locale.ROOT, "%03d", sequence);
      sequence = sequence % 999 + 1;
    } while (!nips.add(nip));
    String deviceId = String.format(Locale.ROOT, "%016x", r.nextLong());
    CityRegion region = unit.region();
    double homeLat = region.lat() + r.uniform(-0.8, 0.8) * CityRegion.HALF_SIDE_DEG;
    double homeLon = region.lon() + r.uniform(-0.8, 0.8) * CityRegion.HALF_SIDE_DEG;
    double bias = Math.max(-15, Math.min(15, r.gaussian() * 5));
    double diligence = r.uniform(0.78, 0.98);
    return new Employee(
        nip,
        unit.unitId(),
        region.id(),
        deviceId,
        Coordinates.round6(homeLat),
        Coordinates.round6(homeLon),
        bias,
        diligence,
        crew);
  }

  private static <T> void shuffle(List<T> list, Rng r) {
    for (int i = list.size() - 1; i > 0; i--) Collections.swap(list, i, r.nextInt(i + 1));
  }
}

package id.pantau.sim;

import id.pantau.events.WorkMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One day of the simulated city: who works from the office and who from home, when each checks in
 * and out, and the location pings of WFH staff, as time-ordered events. Deterministic: the same
 * city seed and date always give the same plan, event ids included, so re-sending a day is
 * idempotent downstream.
 *
 * <p>Drawn up unit by unit: {@link OfficeRoster} picks who works from the office, {@link
 * EmployeeDraft} each employee's day, {@link FieldTrips} the unit's field duty, {@link
 * PlannedEvents} the events.
 *
 * <p>The date is the local date of each region: the plan for 2026-11-23 holds Tangerang's
 * 2026-11-23 in WIB, Makassar's in WITA and Jayapura's in WIT.
 */
public final class CityDay {
  private static final long DAY_SALT = 0x4441594CL;
  private static final long LOCATION_SALT = 0x4C4F4341L;
  private static final long FIELD_SALT = 0x46494C44L;
  private static final Comparator<Planned> ORDER =
      Comparator.comparing(Planned::at).thenComparing(Planned::eventId);

  private final City city;
  private final LocalDate date;
  private final List<Assignment> assignments;
  private final Map<String, Assignment> byNip = new LinkedHashMap<>();
  private final List<Planned> events;
  private final Map<String, List<Planned>> byRegion = new LinkedHashMap<>();

  private CityDay(City city, LocalDate date) {
    this.city = city;
    this.date = date;
    long seed = city.seed();
    long day = date.toEpochDay();
    boolean weekendOff =
        !city.config().workWeekends()
            && (date.getDayOfWeek() == DayOfWeek.SATURDAY
                || date.getDayOfWeek() == DayOfWeek.SUNDAY);

    List<Assignment> as = new ArrayList<>(city.staffCount());
    Map<String, List<Planned>> regionEvents = new LinkedHashMap<>();
    for (CityRegion region : city.regions()) regionEvents.put(region.id(), new ArrayList<>());
    PlannedEvents planned = new PlannedEvents(seed, date);

    for (CityUnit unit : city.units()) {
      List<Employee> staff = city.staff(unit.unitId());
      int n = staff.size();
      Rng unitRng = Rng.of(seed, DAY_SALT, day, Rng.hash(unit.unitId()));
      boolean[] inOffice = OfficeRoster.inOffice(unit, staff, day, weekendOff, unitRng);

      EmployeeDraft[] drafts = new EmployeeDraft[n];
      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        if (e.onRota()) {
          drafts[i] = EmployeeDraft.rota(seed, e, day);
        } else {
          WorkMode mode = inOffice[i] ? WorkMode.WFO : weekendOff ? null : WorkMode.WFH;
          drafts[i] =
              EmployeeDraft.office(
                  city, date, e, mode, Rng.of(seed, DAY_SALT, day, Rng.hash(e.nip())));
        }
      }
      FieldTrips.plan(unit, drafts, Rng.of(seed, FIELD_SALT, day, Rng.hash(unit.unitId())));
      List<Planned> out = regionEvents.get(unit.region().id());
      for (int i = 0; i < n; i++) {
        Employee e = staff.get(i);
        Assignment a = drafts[i].assignment(city, date);
        as.add(a);
        byNip.put(e.nip(), a);
        planned.add(a, unit, Rng.of(seed, LOCATION_SALT, day, Rng.hash(e.nip())), out);
      }
    }
    this.assignments = List.copyOf(as);

    List<Planned> all = new ArrayList<>();
    for (Map.Entry<String, List<Planned>> e : regionEvents.entrySet()) {
      List<Planned> list = e.getValue();
      list.sort(ORDER);
      byRegion.put(e.getKey(), List.copyOf(list));
      all.addAll(list);
    }
    all.sort(ORDER);
    this.events = List.copyOf(all);
  }

  /** The plan of {@code date} (each region's local date) for {@code city}. */
  public static CityDay of(City city, LocalDate date) {
    return new CityDay(city, date);
  }

  public City city() {
    return city;
  }

  public LocalDate date() {
    return date;
  }

  /** Every event of the day in all regions, ordered by instant (then event id). */
  public List<Planned> events() {
    return events;
  }

  /** The events of one region, ordered by instant (then event id). */
  public List<Planned> events(String regionId) {
    return Known.get(byRegion, "region", regionId);
  }

  /** What every employee does today, in the city's unit and staff order. */
  public List<Assignment> assignments() {
    return assignments;
  }

  public Assignment assignment(String nip) {
    return Known.get(byNip, "employee", nip);
  }
}

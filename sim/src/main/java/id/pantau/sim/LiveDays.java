package id.pantau.sim;

import id.pantau.events.RosterEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live city's days, by local date, each from its {@link SimDay} with the live faults: the sends
 * and roster rows of each region. Keeps the last three dates used (each region is on its own date,
 * at most a day apart); one thread at a time.
 */
final class LiveDays {
  private static final int KEPT = 3;

  private final City city;
  private final Faults faults;
  private final Map<LocalDate, Day> days =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Day> eldest) {
          return size() > KEPT;
        }
      };

  LiveDays(City city, Faults faults) {
    this.city = city;
    this.faults = faults;
  }

  /** The events of a region on a local date, in the order of the day's sends. */
  List<Outgoing> events(LocalDate date, String regionId) {
    return day(date).events.getOrDefault(regionId, List.of());
  }

  /** The roster rows of a region's units on a local date. */
  List<RosterEntry> rosters(LocalDate date, String regionId) {
    return day(date).rosters.getOrDefault(regionId, List.of());
  }

  private Day day(LocalDate date) {
    return days.computeIfAbsent(date, d -> new Day(SimDay.of(city, d, faults)));
  }

  /** A day's sends and roster rows by region. */
  private static final class Day {
    final Map<String, List<Outgoing>> events = new LinkedHashMap<>();
    final Map<String, List<RosterEntry>> rosters = new LinkedHashMap<>();

    Day(SimDay day) {
      for (SimDay.Send s : day.sends()) {
        if (s.kind() != SimDay.Kind.EVENT) continue; // the live faults have no others
        Planned p = day.accepted().get(s.eventId()).planned();
        events
            .computeIfAbsent(p.regionId(), r -> new ArrayList<>())
            .add(new Outgoing(s.at(), p, s.line()));
      }
      for (RosterEntry row : day.rosters()) {
        String region = day.city().unit(row.unitId).region().id();
        rosters.computeIfAbsent(region, r -> new ArrayList<>()).add(row);
      }
    }
  }
}

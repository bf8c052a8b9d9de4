package id.pantau.sim;

import id.pantau.events.RosterEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a region stands in its day: the sends of its local date (and uploads of the day before
 * still held back by offline phones), and the next one to send.
 */
final class RegionCursor {
  final CityRegion region;
  LocalDate date;
  List<Outgoing> events = List.of();
  int next;
  private final Comparator<Outgoing> order;

  RegionCursor(CityRegion region, Comparator<Outgoing> order) {
    this.region = region;
    this.order = order;
  }

  /** Moves to a new local date and adds its roster rows of this region to {@code rosters}. */
  void open(LiveDays days, LocalDate day, List<RosterEntry> rosters) {
    List<Outgoing> merged = new ArrayList<>(events.subList(next, events.size()));
    merged.addAll(days.events(day, region.id()));
    merged.sort(order);
    date = day;
    events = merged;
    next = 0;
    rosters.addAll(days.rosters(day, region.id()));
  }

  void drain(Instant now, List<Outgoing> into) {
    while (next < events.size() && !events.get(next).sendAt().isAfter(now)) {
      into.add(events.get(next++));
    }
  }

  /** Events made by now that an offline phone has not uploaded yet. */
  long heldBack(Instant now) {
    long n = 0;
    for (int i = next; i < events.size(); i++) {
      if (!events.get(i).planned().at().isAfter(now)) n++;
    }
    return n;
  }
}

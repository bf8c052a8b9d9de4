package id.pantau.occupancy;

import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.LocalDays;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A unit's count of its local day, over its state: an employee's latest fact wins, so duplicates
 * and replays change nothing; a fact of a day already closed changes nothing; at local midnight the
 * day starts empty, so a forgotten check-out does not carry into the next day. Who is in the office
 * without being scheduled there is kept as facts and rosters change.
 */
final class UnitDay {
  private final UnitState state;
  private final Map<String, LocalDays> daysByZone = new HashMap<>();
  private LocalDays days; // the last unit's

  UnitDay(UnitState state) {
    this.state = state;
  }

  /** The unit's local days; units share a few zones, so this is a lookup, not a zone parse. */
  LocalDays of(Unit u) {
    if (days == null || !days.zoneName.equals(u.timeZone)) {
      days = daysByZone.computeIfAbsent(u.timeZone, LocalDays::new);
    }
    return days;
  }

  long dayOf(long timeMs, Unit u) {
    return of(u).dayOf(timeMs);
  }

  /** Applies a mark unless its day is already closed; returns whether the count changed. */
  boolean applyOnItsDay(String nip, long mark, Unit u) throws Exception {
    long itsDay = dayOf(PresenceMark.timeMs(mark), u);
    Long today = state.today();
    if (today != null && itsDay < today) return false; // a past day's fact does not change today
    boolean rolled = rollTo(itsDay);
    return apply(nip, mark, u) | rolled;
  }

  /** Applies a mark if it is the employee's latest; returns whether the count changed. */
  private boolean apply(String nip, long mark, Unit u) throws Exception {
    Long old = state.mark(nip);
    if (old != null && old >= mark) return false;
    state.setMark(nip, mark);
    AheadOfWatermark ahead = state.ahead();
    if (ahead != null) ahead.exactMoved(nip, mark);
    boolean wasIn = old != null && PresenceMark.inOffice(old);
    boolean isIn = PresenceMark.inOffice(mark);
    if (wasIn == isIn) return false;
    track(nip, isIn, of(u).dateOf(state.today()));
    state.setPresent(state.present() + (isIn ? 1 : -1));
    return true;
  }

  /** A roster row of today changes who is unscheduled. */
  void rosterChanged(RosterEntry roster) throws Exception {
    Long today = state.today();
    if (today != null && roster.date.equals(LocalDate.ofEpochDay(today).toString())) {
      Long m = state.mark(roster.nip);
      track(roster.nip, m != null && PresenceMark.inOffice(m), roster.date);
    }
  }

  /** Keeps the employee unscheduled exactly while in the office and not scheduled there. */
  private void track(String nip, boolean isIn, String date) throws Exception {
    state.setUnscheduled(nip, isIn && !state.isScheduledInOffice(date, nip));
  }

  /**
   * Starts a new local day if this one is later: yesterday's check-ins without check-outs stop
   * counting. Returns whether that changed the count.
   */
  boolean rollTo(long localDay) throws Exception {
    Long current = state.today();
    if (current != null && current >= localDay) return false;
    int before = state.present();
    state.startDay(localDay, LocalDate.ofEpochDay(localDay).toString());
    return before != 0;
  }
}

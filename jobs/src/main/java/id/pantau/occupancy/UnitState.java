package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.KeyedState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The occupancy tracker's keyed state of one unit (the state names are what savepoints keep: never
 * rename one), with the values asked for at every event read once and kept between calls ({@link
 * UnitMemo}; write-through, the state stays the truth). {@link #focus} the unit first.
 */
final class UnitState {
  private final ValueState<Unit> unit;
  private final ValueState<Integer> present;
  private final ValueState<Long> day; // local epoch day the marks belong to
  private final ValueState<Long> nextBeat;
  private final MapState<String, Long> marks; // nip -> PresenceMark, for the current local day
  // nip -> true: in the office today but not scheduled there, kept as marks and rosters change, so
  // a point does not walk every employee of the unit.
  private final MapState<String, Boolean> unscheduled;
  private final WaitingFacts waiting;
  private final ListState<AttendanceEvent> pending; // events before their unit is known
  private final RosterBook rosters;
  private final ExposureBook exposures;
  private final ReplayEnd replayEnd; // a bounded replay's, else null
  private final boolean provisional;
  private final Map<String, UnitMemo> memos = new HashMap<>();
  private UnitMemo memo;

  UnitState(RuntimeContext ctx, boolean provisional, boolean boundedReplay) {
    unit = KeyedState.value(ctx, "unit", Unit.class);
    marks = KeyedState.map(ctx, "marks", Types.STRING, Types.LONG);
    waiting = new WaitingFacts(ctx);
    unscheduled = KeyedState.map(ctx, "unscheduled-present", Types.STRING, Types.BOOLEAN);
    present = KeyedState.value(ctx, "present", Integer.class);
    day = KeyedState.value(ctx, "day", Long.class);
    nextBeat = KeyedState.value(ctx, "next-beat", Long.class);
    pending = KeyedState.list(ctx, "pending", TypeInformation.of(AttendanceEvent.class));
    rosters = new RosterBook(ctx);
    exposures = new ExposureBook(ctx);
    replayEnd = boundedReplay ? new ReplayEnd(ctx) : null;
    this.provisional = provisional;
  }

  /** Starts work on a unit: every read and write after it is the unit's. */
  void focus(String unitId) {
    memo = memos.get(unitId);
    if (memo == null) {
      memo = new UnitMemo(provisional);
      memos.put(unitId, memo);
    }
    waiting.focus(memo);
  }

  /**
   * Drops what is kept of a key with no unit: records naming units that do not exist must not grow
   * the memos without bound (a memo is made again when needed).
   */
  void forget(String unitId) {
    memos.remove(unitId);
    memo = null;
  }

  int memoCount() {
    return memos.size();
  }

  Unit unit() throws Exception {
    return memo.unit.get(unit);
  }

  void setUnit(Unit u) throws Exception {
    memo.unit.set(unit, u);
  }

  /** The events that wait for the watermark, for provisional points (null in a bounded replay). */
  AheadOfWatermark ahead() {
    return memo.ahead;
  }

  int present() throws Exception {
    readCount();
    return memo.present;
  }

  void setPresent(int n) throws Exception {
    readCount();
    memo.present = n;
    present.update(n);
  }

  /** The local epoch day the marks belong to, or null before the first. */
  Long today() throws Exception {
    readCount();
    return memo.day;
  }

  private void readCount() throws Exception {
    if (memo.countRead) return;
    Integer p = present.value();
    memo.present = p == null ? 0 : p;
    memo.day = day.value();
    memo.countRead = true;
  }

  /** A new local day: the marks, who is unscheduled, the count and older rosters are dropped. */
  void startDay(long localDay, String date) throws Exception {
    marks.clear();
    if (memo.ahead != null) memo.ahead.clear();
    unscheduled.clear();
    setPresent(0);
    memo.day = localDay;
    day.update(localDay);
    rosters.dropBefore(date);
    memo.scheduledDate = null;
  }

  /** The employee's latest mark of the day, or null. */
  Long mark(String nip) throws Exception {
    return marks.get(nip);
  }

  void setMark(String nip, long mark) throws Exception {
    marks.put(nip, mark);
  }

  void setUnscheduled(String nip, boolean isUnscheduled) throws Exception {
    if (isUnscheduled) unscheduled.put(nip, Boolean.TRUE);
    else unscheduled.remove(nip);
  }

  List<String> unscheduled() throws Exception {
    List<String> names = new ArrayList<>();
    for (String nip : unscheduled.keys()) names.add(nip);
    return names;
  }

  /** The minute of the next beat, or null. */
  Long nextBeat() throws Exception {
    return memo.nextBeat.get(nextBeat);
  }

  void setNextBeat(Long minute) throws Exception {
    memo.nextBeat.set(nextBeat, minute);
  }

  /** The facts that wait for the watermark. */
  WaitingFacts waiting() {
    return waiting;
  }

  /** The unit's events that came before it. */
  Iterable<AttendanceEvent> pending() throws Exception {
    return pending.get();
  }

  void addPending(AttendanceEvent e) throws Exception {
    pending.add(e);
  }

  void clearPending() {
    pending.clear();
  }

  void record(RosterEntry r) throws Exception {
    rosters.record(r);
    if (r.date.equals(memo.scheduledDate)) memo.scheduledDate = null;
  }

  /** Scheduled in the office on the date, or null when the unit has no roster for it. */
  Integer scheduledInOffice(String date) throws Exception {
    if (!date.equals(memo.scheduledDate)) {
      memo.scheduled = rosters.scheduledInOffice(date);
      memo.scheduledDate = date;
    }
    return memo.scheduled;
  }

  boolean isScheduledInOffice(String date, String nip) throws Exception {
    return rosters.isScheduledInOffice(date, nip);
  }

  List<String> rosterDates() throws Exception {
    return rosters.dates();
  }

  void record(Exposure x) throws Exception {
    exposures.record(x);
    memo.exposureFrom = null; // read again at the next point
  }

  boolean exposedAt(long timeMs) throws Exception {
    Boolean at = memo.exposedAt(timeMs);
    if (at != null) return at;
    exposures.readInto(memo);
    return memo.exposedAt(timeMs);
  }

  /** Whether this is a bounded replay, whose minutes end with the day of the last fact. */
  boolean boundedReplay() {
    return replayEnd != null;
  }

  /** See {@link ReplayEnd#note}; null outside a bounded replay. */
  Long noteFactDay(long localDay) throws Exception {
    return replayEnd == null ? null : replayEnd.note(localDay);
  }

  Long lastFactDayOr(Long otherwise) throws Exception {
    return replayEnd == null ? otherwise : replayEnd.lastDayOr(otherwise);
  }

  /** The timer registered for the unit's next wake, or {@link UnitMemo#NO_TIMER}. */
  long wakeAt() {
    return memo.wakeAt;
  }

  void setWakeAt(long t) {
    memo.wakeAt = t;
  }

  /** The watermark up to which the due seconds and minutes are applied. */
  long caughtUpTo() {
    return memo.caughtUpTo;
  }

  void setCaughtUpTo(long watermark) {
    memo.caughtUpTo = watermark;
  }
}

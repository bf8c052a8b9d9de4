package id.pantau.jobs;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.TimeBounds;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The jobs' side of {@link TimeBounds}, applied in the Kafka source itself: Kafka can be written by
 * other producers than ingest, so a record whose time is impossible becomes a dead letter there,
 * before any watermark, timer, count or InfluxDB point sees it.
 *
 * <p>Which clock judges: live, the wall clock when the record is read (and a {@code receivedAt}
 * ahead of it is forged); in a bounded replay (verify, bench) the time ingest received the record
 * ({@code receivedAt}, else the Kafka record's timestamp), so an old day replays whole and the
 * outcome does not depend on when the replay runs. Reference data is only held to the plan horizon
 * ahead and to {@link TimeBounds#EARLIEST_MS}: the jobs read those compacted topics whole at every
 * start, and a zone level set months ago must stay in force.
 */
@FunctionalInterface
public interface TimeGuard<T> extends Serializable {
  String WALL_CLOCK = "the job's wall clock";
  String RECEIPT = "the time ingest received it";

  /** Why the record cannot be used, "field: reason", or null when it can. */
  String refuse(T value, ConsumerRecord<byte[], byte[]> record);

  /** Takes every record (test sources and topics without times). */
  static <T> TimeGuard<T> none() {
    return (value, record) -> null;
  }

  static TimeGuard<AttendanceEvent> attendance(TimeBounds bounds, boolean bounded) {
    return (e, record) -> event(bounds, bounded, e.time, e.timeMs, e.receivedAt, record);
  }

  static TimeGuard<LocationPing> location(TimeBounds bounds, boolean bounded) {
    return (p, record) -> event(bounds, bounded, p.time, p.timeMs, p.receivedAt, record);
  }

  static TimeGuard<RosterEntry> roster(TimeBounds bounds, boolean bounded) {
    return (r, record) ->
        bounds.rosterDate(
            "date", r.localDate(), now(bounded, null, record), TimeBounds.EARLIEST_MS);
  }

  static TimeGuard<Unit> unit(TimeBounds bounds, boolean bounded) {
    return (u, record) ->
        u.effectiveFrom == null
            ? null
            : version(bounds, bounded, u.effectiveFrom, u.effectiveFromMs, record);
  }

  static TimeGuard<ZoneChange> zone(TimeBounds bounds, boolean bounded) {
    return (z, record) -> version(bounds, bounded, z.effectiveFrom, z.effectiveFromMs, record);
  }

  static TimeGuard<Policy> policy(TimeBounds bounds, boolean bounded) {
    return (p, record) -> version(bounds, bounded, p.effectiveFrom, p.effectiveFromMs, record);
  }

  static TimeGuard<Exposure> exposure(TimeBounds bounds, boolean bounded) {
    return (x, record) -> version(bounds, bounded, x.effectiveFrom, x.effectiveFromMs, record);
  }

  private static String event(
      TimeBounds bounds,
      boolean bounded,
      String text,
      long timeMs,
      Long receivedAt,
      ConsumerRecord<byte[], byte[]> record) {
    long now = now(bounded, receivedAt, record);
    if (!bounded && receivedAt != null && receivedAt > now + bounds.maxAheadMs()) {
      return "receivedAt: "
          + receivedAt
          + " is "
          + TimeBounds.span(receivedAt - now)
          + " ahead of "
          + WALL_CLOCK
          + "; ingest stamps its own clock, so the record was not written by ingest";
    }
    return bounds.eventTime(
        "time", text, timeMs, now, bounded && receivedAt != null ? RECEIPT : clock(bounded));
  }

  private static String version(
      TimeBounds bounds,
      boolean bounded,
      String text,
      long fromMs,
      ConsumerRecord<byte[], byte[]> record) {
    return bounds.effectiveFrom(
        "effectiveFrom",
        text,
        fromMs,
        now(bounded, null, record),
        TimeBounds.EARLIEST_MS,
        clock(bounded));
  }

  /** The clock a record is judged by (see the class comment). */
  private static long now(boolean bounded, Long receivedAt, ConsumerRecord<?, ?> record) {
    if (!bounded) return System.currentTimeMillis();
    if (receivedAt != null) return receivedAt;
    return record != null && record.timestamp() >= 0
        ? record.timestamp()
        : System.currentTimeMillis();
  }

  private static String clock(boolean bounded) {
    return bounded ? "the time Kafka took the record" : WALL_CLOCK;
  }
}

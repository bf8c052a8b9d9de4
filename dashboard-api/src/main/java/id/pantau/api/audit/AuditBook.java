package id.pantau.api.audit;

import id.pantau.events.Json;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The audit topic read back for GET /api/v1/audit: one {@link TopicFollower} from {@link #DAYS}
 * back, keeping at most {@link #CAPACITY} records in memory (the oldest go first). Older records
 * stay in the topic (kept 400 days) and in the audit log files.
 */
final class AuditBook implements AutoCloseable {
  static final int DAYS = 31;
  static final int CAPACITY = 200_000;

  private final Deque<AuditRecord> records = new ArrayDeque<>();
  private final TopicFollower follower;

  AuditBook(String bootstrap, String topic, Clock clock) {
    this.follower =
        TopicFollower.of(bootstrap, topic)
            .clientId("pantau-dashboard-audit")
            .name("audit book")
            .from(Start.within(Duration.ofDays(DAYS), clock))
            .onRecord(this::onRecord)
            .start();
  }

  private void onRecord(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) return;
    AuditRecord a;
    try {
      a = Json.MAPPER.readValue(r.value(), AuditRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the follower logs and skips the record
    }
    parse(a.time()); // a record without a readable time is skipped (the follower logs it)
    synchronized (records) {
      if (records.size() >= CAPACITY) records.removeFirst();
      records.addLast(a);
    }
  }

  /** True once the records present at the start have been read. */
  boolean loaded() {
    return follower.caughtUp();
  }

  /** The records of [from, to) that pass the filter, newest first. */
  List<AuditRecord> between(Instant from, Instant to, Predicate<AuditRecord> filter) {
    List<AuditRecord> out = new ArrayList<>();
    synchronized (records) {
      for (var it = records.descendingIterator(); it.hasNext(); ) {
        AuditRecord a = it.next();
        Instant t = parse(a.time());
        if (!t.isBefore(from) && t.isBefore(to) && filter.test(a)) out.add(a);
      }
    }
    // By instant: Instant.toString() drops trailing zeros, so the texts do not sort as times.
    out.sort(Comparator.comparing((AuditRecord a) -> parse(a.time())).reversed());
    return out;
  }

  private static Instant parse(String time) {
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("time: must be an ISO-8601 instant, got " + time, e);
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}

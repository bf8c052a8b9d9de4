package id.pantau.api;

import com.fasterxml.jackson.databind.ObjectReader;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up record in memory: ONE Kafka consumer thread per process (no consumer group) reads
 * the compacted {@link Topics#CHECKINS} from its beginning, keeping the latest record per key
 * ({@code nip@date@window}) for the local dates of the last {@code days} days, and {@link
 * Topics#ALERTS} from {@code days + 1} days back, keeping the per-employee alerts that are not
 * compliance results (the windows carry those) as flags. Both are indexed by unit and date.
 *
 * <p>A later record for a key replaces the earlier one; a tombstone or an EXCUSED result removes
 * it. A flag is the latest alert of its alertId; a CORRECTED or CLOSE phase removes it. Dates older
 * than the retention are dropped as the days pass.
 *
 * <p>{@link #loaded()} turns true once the thread has read up to the ends the topics had when it
 * first listed them. Kafka unreachable: the thread logs a WARN, backs off (to 10 s) and resumes
 * where it was; what it holds stays served.
 */
public final class CheckinBook implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckinBook.class);

  public static final int DEFAULT_DAYS = 3;

  /** Per-employee alert kinds that restate a window's result: not flags. */
  static final Set<String> COMPLIANCE_KINDS =
      Set.of(
          "MISSED_ATTENDANCE",
          "LATE_ATTENDANCE",
          "MISSED_LOCATION",
          "LATE_LOCATION",
          "LATE_UPLOAD");

  private static final Set<String> ENDING_PHASES = Set.of("CORRECTED", Alert.CLOSE);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration API_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
  private static final ObjectReader CHECKIN = Json.MAPPER.readerFor(CheckinRecord.class);
  private static final ObjectReader ALERT = Json.MAPPER.readerFor(Alert.class);

  /** What the book holds for one unit on one date: its window records and its flags. */
  public record Day(List<CheckinRecord> records, List<Alert> flags) {}

  private record UnitDay(String unit, String date) {}

  private final String bootstrapServers;
  private final String checkinsTopic;
  private final String alertsTopic;
  private final int days;
  private final Clock clock;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch loaded = new CountDownLatch(1);
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  // Guarded by this.
  private final Map<String, CheckinRecord> byKey = new HashMap<>();
  private final Map<UnitDay, Map<String, CheckinRecord>> records = new HashMap<>();
  private final Map<UnitDay, Map<String, Alert>> flags = new HashMap<>();
  private final Map<String, String> regions = new HashMap<>();
  private final Map<String, ZoneId> zones = new HashMap<>();
  private LocalDate prunedBefore;

  // Owned by the consumer thread.
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private Map<TopicPartition, Long> loadTarget;

  private CheckinBook(
      String bootstrapServers, String checkinsTopic, String alertsTopic, int days, Clock clock) {
    if (days < 1) throw new IllegalArgumentException("days: must be at least 1 (got " + days + ")");
    this.bootstrapServers = bootstrapServers;
    this.checkinsTopic = checkinsTopic;
    this.alertsTopic = alertsTopic;
    this.days = days;
    this.clock = clock;
    this.thread = new Thread(this::run, "pantau-checkin-book");
    thread.setDaemon(true);
  }

  /** Starts reading {@link Topics#CHECKINS} and {@link Topics#ALERTS}, keeping the last 3 days. */
  public static CheckinBook start(String bootstrapServers) {
    return start(bootstrapServers, DEFAULT_DAYS);
  }

  public static CheckinBook start(String bootstrapServers, int days) {
    return start(bootstrapServers, Topics.CHECKINS, Topics.ALERTS, days, Clock.systemUTC());
  }

  /** Starts the consumer thread; returns at once, even when Kafka is unreachable. */
  public static CheckinBook start(
      String bootstrapServers, String checkinsTopic, String alertsTopic, int days, Clock clock) {
    CheckinBook book = new CheckinBook(bootstrapServers, checkinsTopic, alertsTopic, days, clock);
    book.thread.start();
    return book;
  }

  /** True once the book has read the topics up to their ends as first seen. */
  public boolean loaded() {
    return loaded.getCount() == 0;
  }

  /** How many days the book keeps. */
  public int days() {
    return days;
  }

  /** The oldest local date kept: {@code days - 1} days before today in Asia/Jakarta. */
  public LocalDate oldestKept() {
    return oldestKept(days, clock);
  }

  static LocalDate oldestKept(int days, Clock clock) {
    return LocalDate.now(clock.withZone(LocalDates.DEFAULT_ZONE)).minusDays(days - 1L);
  }

  /**
   * The fewest days a book must keep for {@code date} to be kept now (by {@code clock}, today in
   * Asia/Jakarta counting as the first): 1 for today or a later date. A book that must still hold
   * it after the next midnight keeps one more.
   */
  public static int daysToKeep(LocalDate date, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(LocalDates.DEFAULT_ZONE));
    return (int) Math.max(1, ChronoUnit.DAYS.between(date, today) + 1);
  }

  /** The region of the unit's latest record, if the book holds any. */
  public synchronized Optional<String> regionOf(String unit) {
    return Optional.ofNullable(regions.get(unit));
  }

  /** The time zone of the unit's latest record, if the book holds any. */
  public synchronized Optional<ZoneId> zoneOf(String unit) {
    return Optional.ofNullable(zones.get(unit));
  }

  /** A copy of what the book holds for the unit on the local date. */
  public synchronized Day day(String unit, LocalDate date) {
    UnitDay k = new UnitDay(unit, date.toString());
    Map<String, CheckinRecord> r = records.getOrDefault(k, Map.of());
    Map<String, Alert> f = flags.getOrDefault(k, Map.of());
    return new Day(List.copyOf(r.values()), List.copyOf(f.values()));
  }

  @Override
  public void close() {
    if (closing.getCount() == 0) return;
    closing.countDown();
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) c.wakeup();
    try {
      thread.join(API_TIMEOUT.plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- applying records (also called directly by tests) ------------------------------------------

  /** Applies one record of the checkins topic: the latest per key wins; null removes the key. */
  synchronized void applyCheckin(String key, CheckinRecord r) {
    LocalDate oldest = oldestKept();
    prune(oldest);
    if (r != null
        && (blank(r.nip()) || blank(r.unitId()) || blank(r.date()) || blank(r.window()))) {
      LOG.warn("checkin book: skipping a record of {} without nip, unitId, date or window", key);
      return;
    }
    if (key == null) key = r == null ? null : r.key();
    if (key == null) return;
    CheckinRecord before = byKey.remove(key);
    if (before != null) {
      UnitDay k = new UnitDay(before.unitId(), before.date());
      Map<String, CheckinRecord> m = records.get(k);
      if (m != null) {
        m.remove(key);
        if (m.isEmpty()) records.remove(k);
      }
    }
    if (r == null) return;
    if (r.region() != null) regions.put(r.unitId(), r.region());
    if (r.timeZone() != null) {
      try {
        zones.put(r.unitId(), ZoneId.of(r.timeZone()));
      } catch (DateTimeException e) {
        // an unknown zone: the default zone stands in
      }
    }
    if (CheckinRecord.EXCUSED.equals(r.status()) || !keeps(r.date(), oldest)) return;
    byKey.put(key, r);
    records
        .computeIfAbsent(new UnitDay(r.unitId(), r.date()), d -> new LinkedHashMap<>())
        .put(key, r);
  }

  /** Applies one alert: a per-employee alert that is not a compliance result becomes a flag. */
  synchronized void applyAlert(Alert a) {
    LocalDate oldest = oldestKept();
    prune(oldest);
    if (a == null || blank(a.nip) || blank(a.unitId) || blank(a.kind)) return;
    if (COMPLIANCE_KINDS.contains(a.kind)) return;
    String date = a.date;
    if (blank(date)) {
      if (blank(a.startedAt)) return;
      try {
        ZoneId zone = zones.getOrDefault(a.unitId, LocalDates.DEFAULT_ZONE);
        date = Instant.parse(a.startedAt).atZone(zone).toLocalDate().toString();
      } catch (DateTimeException e) {
        return;
      }
    }
    if (!keeps(date, oldest)) return;
    String id = blank(a.alertId) ? a.kind + ":" + a.nip + ":" + a.startedAt : a.alertId;
    UnitDay k = new UnitDay(a.unitId, date);
    if (a.phase != null && ENDING_PHASES.contains(a.phase)) {
      Map<String, Alert> m = flags.get(k);
      if (m != null) {
        m.remove(id);
        if (m.isEmpty()) flags.remove(k);
      }
      return;
    }
    flags.computeIfAbsent(k, d -> new LinkedHashMap<>()).put(id, a);
  }

  private static boolean keeps(String date, LocalDate oldest) {
    try {
      return !LocalDate.parse(date).isBefore(oldest);
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Drops the dates before the oldest kept, once a day. */
  private void prune(LocalDate oldest) {
    if (oldest.equals(prunedBefore)) return;
    prunedBefore = oldest;
    byKey.values().removeIf(r -> !keeps(r.date(), oldest));
    records.keySet().removeIf(k -> !keeps(k.date(), oldest));
    flags.keySet().removeIf(k -> !keeps(k.date(), oldest));
  }

  // --- the consumer thread ----------------------------------------------------------------------

  private void run() {
    ReaderOutage outage =
        new ReaderOutage(
            LOG,
            "checkin book",
            checkinsTopic + " and " + alertsTopic + " on " + bootstrapServers,
            "");
    long nextRefresh = 0;
    try {
      while (!isClosing()) {
        try {
          if (consumer == null) {
            consumer = newConsumer();
            nextRefresh = 0;
            if (isClosing()) break;
          }
          KafkaConsumer<byte[], byte[]> c = consumer;
          if (System.nanoTime() - nextRefresh >= 0) {
            assign(c);
            nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
          }
          outage.readWorked();
          if (c.assignment().isEmpty()) {
            await(ReaderOutage.MIN_BACKOFF);
            nextRefresh = 0;
            continue;
          }
          ConsumerRecords<byte[], byte[]> polled = c.poll(POLL);
          for (ConsumerRecord<byte[], byte[]> r : polled) apply(r);
          for (TopicPartition tp : c.assignment()) positions.put(tp, c.position(tp, API_TIMEOUT));
          checkLoaded();
          synchronized (this) {
            prune(oldestKept());
          }
        } catch (WakeupException e) {
          if (isClosing()) break;
        } catch (RuntimeException e) {
          if (isClosing()) break;
          Duration wait = outage.readFailed(e);
          closeConsumer();
          await(wait);
        }
      }
    } catch (Throwable t) {
      LOG.error("checkin book: the consumer thread stopped; follow-ups are no longer updated", t);
      throw t;
    } finally {
      closeConsumer();
    }
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    return KafkaReaders.create(
        bootstrapServers, "pantau-dashboard-checkins", "earliest", API_TIMEOUT);
  }

  /**
   * Assigns every partition of both topics. A partition is resumed where the book was; otherwise
   * checkins start at the beginning and alerts at {@code days + 1} days ago. The first listing sets
   * the ends to load up to.
   */
  private void assign(KafkaConsumer<byte[], byte[]> c) {
    Set<TopicPartition> all = new HashSet<>();
    for (String topic : List.of(checkinsTopic, alertsTopic)) {
      List<PartitionInfo> infos = c.partitionsFor(topic, API_TIMEOUT);
      if (infos == null) continue;
      for (PartitionInfo i : infos) all.add(new TopicPartition(i.topic(), i.partition()));
    }
    Set<TopicPartition> before = c.assignment();
    if (!all.isEmpty() && !all.equals(before)) {
      c.assign(all);
      List<TopicPartition> fresh = new ArrayList<>();
      for (TopicPartition tp : all) {
        if (before.contains(tp)) continue;
        Long at = positions.get(tp);
        if (at != null) c.seek(tp, at);
        else fresh.add(tp);
      }
      seekFresh(c, fresh);
      for (TopicPartition tp : all) positions.put(tp, c.position(tp, API_TIMEOUT));
    }
    if (loadTarget == null) {
      loadTarget = new HashMap<>(all.isEmpty() ? Map.of() : c.endOffsets(all, API_TIMEOUT));
      LOG.info(
          "checkin book: loading {} and {} on {}", checkinsTopic, alertsTopic, bootstrapServers);
    }
    checkLoaded();
  }

  private void seekFresh(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> fresh) {
    Map<TopicPartition, Long> since = new HashMap<>();
    long from = clock.millis() - Duration.ofDays(days + 1L).toMillis();
    for (TopicPartition tp : fresh) {
      if (tp.topic().equals(alertsTopic)) since.put(tp, from);
      else c.seekToBeginning(List.of(tp));
    }
    if (since.isEmpty()) return;
    Map<TopicPartition, OffsetAndTimestamp> at = c.offsetsForTimes(since, API_TIMEOUT);
    for (TopicPartition tp : since.keySet()) {
      OffsetAndTimestamp o = at.get(tp);
      if (o != null) c.seek(tp, o.offset());
      else c.seekToEnd(List.of(tp));
    }
  }

  private void checkLoaded() {
    if (loaded() || loadTarget == null) return;
    for (Map.Entry<TopicPartition, Long> e : loadTarget.entrySet()) {
      Long at = positions.get(e.getKey());
      if (at == null || at < e.getValue()) return;
    }
    loaded.countDown();
    synchronized (this) {
      LOG.info(
          "checkin book: loaded {} window records and the flags of {} unit-days",
          byKey.size(),
          flags.size());
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    try {
      if (r.topic().equals(checkinsTopic)) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        CheckinRecord c = r.value() == null ? null : CHECKIN.readValue(r.value());
        if (key == null && c == null) return;
        applyCheckin(key, c);
      } else if (r.value() != null) {
        applyAlert(ALERT.readValue(r.value()));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "checkin book: skipping {}-{} offset {}: unreadable ({})",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
    }
  }

  private boolean isClosing() {
    return closing.getCount() == 0;
  }

  private void await(Duration d) {
    try {
      closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing.countDown();
    }
  }

  private void closeConsumer() {
    KafkaReaders.closeQuietly(consumer, "checkin book");
    consumer = null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

package id.pantau.api;

import com.fasterxml.jackson.databind.ObjectReader;
import id.pantau.events.Alert;
import id.pantau.events.Decoded;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up record in memory: a {@link TopicFollower} reads the compacted {@link
 * Topics#CHECKINS} from its beginning into {@link WindowRecords} (the latest record per key {@code
 * nip@date@window}), another {@link Topics#ALERTS} from {@code days + 1} days back into {@link
 * EmployeeFlags}; both keep the local dates of the last {@code days} days ({@link KeptDays}),
 * indexed by unit and date, and the units' regions and zones ({@link KnownUnits}; a third follower
 * reads the units' registrations on {@link Topics#UNITS} for their zones). Dates older than the
 * retention are dropped as the days pass.
 *
 * <p>{@link #loaded()} turns true once both have read up to the ends the topics had when they first
 * listed them. Kafka unreachable: they log a WARN, back off (to 10 s) and resume where they were;
 * what the book holds stays served.
 */
public final class CheckinBook implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckinBook.class);

  public static final int DEFAULT_DAYS = 3;

  private static final ObjectReader CHECKIN = Json.MAPPER.readerFor(CheckinRecord.class);
  private static final ObjectReader ALERT = Json.MAPPER.readerFor(Alert.class);

  /** What the book holds for one unit on one date: its window records and its flags. */
  public record Day(List<CheckinRecord> records, List<Alert> flags) {}

  private final KeptDays kept;
  private final CountDownLatch loading = new CountDownLatch(2);
  private final TopicFollower checkins;
  private final TopicFollower alerts;
  private final TopicFollower registrations;

  // Guarded by this.
  private final WindowRecords records = new WindowRecords();
  private final EmployeeFlags flags = new EmployeeFlags();
  private final KnownUnits units = new KnownUnits();
  private LocalDate keptFrom;

  private CheckinBook(
      String bootstrapServers,
      String checkinsTopic,
      String alertsTopic,
      String unitsTopic,
      int days,
      Clock clock) {
    this.kept = new KeptDays(days, clock);
    LOG.info("checkin book: loading {} and {} on {}", checkinsTopic, alertsTopic, bootstrapServers);
    // Last: their threads call back into this book.
    this.checkins =
        follow(bootstrapServers, checkinsTopic, "pantau-dashboard-checkins", Start.beginning())
            .onRecord(this::onCheckin)
            .onCaughtUp(this::onCaughtUp)
            .start();
    this.alerts =
        follow(
                bootstrapServers,
                alertsTopic,
                "pantau-dashboard-checkin-alerts",
                Start.within(Duration.ofDays(days + 1L), clock))
            .onRecord(this::onAlert)
            .onCaughtUp(this::onCaughtUp)
            .start();
    // Not counted in loaded(): a zone not read yet falls back, it never hides a follow-up.
    this.registrations =
        follow(bootstrapServers, unitsTopic, "pantau-dashboard-units", Start.beginning())
            .onRecord(this::onUnit)
            .start();
  }

  private static TopicFollower.Builder follow(
      String bootstrapServers, String topic, String clientId, Start from) {
    return TopicFollower.of(bootstrapServers, topic)
        .clientId(clientId)
        .name("checkin book")
        .from(from);
  }

  /** Starts reading {@link Topics#CHECKINS} and {@link Topics#ALERTS}, keeping the last 3 days. */
  public static CheckinBook start(String bootstrapServers) {
    return start(bootstrapServers, DEFAULT_DAYS);
  }

  /** Starts following the topics; returns at once, even when Kafka is unreachable. */
  public static CheckinBook start(String bootstrapServers, int days) {
    return new CheckinBook(
        bootstrapServers, Topics.CHECKINS, Topics.ALERTS, Topics.UNITS, days, Clock.systemUTC());
  }

  /** True once the book has read the topics up to their ends as first seen. */
  public boolean loaded() {
    return loading.getCount() == 0;
  }

  /** How many days the book keeps. */
  public int days() {
    return kept.days();
  }

  /** The oldest local date kept: {@code days - 1} days before today in Asia/Jakarta. */
  public LocalDate oldestKept() {
    return kept.oldest();
  }

  static LocalDate oldestKept(int days, Clock clock) {
    return KeptDays.oldest(days, clock);
  }

  /**
   * The fewest days a book must keep for {@code date} to be kept now (by {@code clock}, today in
   * Asia/Jakarta counting as the first): 1 for today or a later date. A book that must still hold
   * it after the next midnight keeps one more.
   */
  public static int daysToKeep(LocalDate date, Clock clock) {
    return KeptDays.toKeep(date, clock);
  }

  /** The region of the unit's latest record, if the book holds any. */
  public synchronized Optional<String> regionOf(String unit) {
    return units.regionOf(unit);
  }

  /**
   * The time zone of the unit's registration, else of its latest record, if the book has either.
   */
  public synchronized Optional<ZoneId> zoneOf(String unit) {
    return units.zoneOf(unit);
  }

  /**
   * The zone a unit's times are shown in: its own ({@link #zoneOf}), else that of a unit of its
   * region, else Asia/Jakarta.
   */
  public synchronized ZoneId zoneFor(String unit, String region) {
    return units.zoneOf(unit).or(() -> units.zoneOfRegion(region)).orElse(LocalDates.DEFAULT_ZONE);
  }

  /** The time zone of a unit of the region, if the book holds a record of one. */
  public synchronized Optional<ZoneId> zoneOfRegion(String region) {
    return units.zoneOfRegion(region);
  }

  /** A copy of what the book holds for the unit on the local date. */
  public synchronized Day day(String unit, LocalDate date) {
    keepFrom(kept.oldest());
    return new Day(records.of(unit, date), flags.of(unit, date));
  }

  @Override
  public void close() {
    checkins.close();
    alerts.close();
    registrations.close();
  }

  // --- applying records
  // ---------------------------------------------------------------------------

  /** Applies one record of the checkins topic: the latest per key wins; null removes the key. */
  synchronized void applyCheckin(String key, CheckinRecord r) {
    LocalDate oldest = kept.oldest();
    keepFrom(oldest);
    if (r != null
        && (blank(r.nip()) || blank(r.unitId()) || blank(r.date()) || blank(r.window()))) {
      LOG.warn("checkin book: skipping a record of {} without nip, unitId, date or window", key);
      return;
    }
    if (key == null) key = r == null ? null : r.key();
    if (key == null) return;
    if (r != null) units.learn(r);
    records.put(key, r, oldest);
  }

  /** Applies one alert: a per-employee alert that is not a compliance result becomes a flag. */
  synchronized void applyAlert(Alert a) {
    LocalDate oldest = kept.oldest();
    keepFrom(oldest);
    if (a == null) return;
    flags.apply(a, units.zoneOf(a.unitId).orElse(LocalDates.DEFAULT_ZONE), oldest);
  }

  /** Drops the dates before the oldest kept, once a day. */
  private void keepFrom(LocalDate oldest) {
    if (oldest.equals(keptFrom)) return;
    keptFrom = oldest;
    records.dropBefore(oldest);
    flags.dropBefore(oldest);
  }

  private void onCheckin(ConsumerRecord<byte[], byte[]> r) {
    try {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      CheckinRecord c = r.value() == null ? null : CHECKIN.readValue(r.value());
      if (key == null && c == null) return;
      applyCheckin(key, c);
    } catch (IOException | RuntimeException e) {
      skip(r, e);
    }
  }

  private void onAlert(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) return;
    try {
      applyAlert(ALERT.readValue(r.value()));
    } catch (IOException | RuntimeException e) {
      skip(r, e);
    }
  }

  /** A unit's registration (key: its ID): its zone; a tombstone forgets it. */
  private void onUnit(ConsumerRecord<byte[], byte[]> r) {
    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    if (r.value() == null) {
      synchronized (this) {
        units.learn(key, null);
      }
      return;
    }
    Decoded<Unit> d = Json.unit(r.value());
    if (!d.isOk()) {
      skip(r, new IllegalArgumentException(String.join("; ", d.errors())));
      return;
    }
    synchronized (this) {
      units.learn(key != null ? key : d.value().unitId, d.value());
    }
  }

  private static void skip(ConsumerRecord<byte[], byte[]> r, Exception e) {
    LOG.warn(
        "checkin book: skipping {}-{} offset {}: unreadable ({})",
        r.topic(),
        r.partition(),
        r.offset(),
        e.getMessage());
  }

  /** Each follower once; the second says the book is loaded. */
  private synchronized void onCaughtUp() {
    loading.countDown();
    if (!loaded()) return;
    LOG.info(
        "checkin book: loaded {} window records and the flags of {} unit-days",
        records.size(),
        flags.unitDays());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

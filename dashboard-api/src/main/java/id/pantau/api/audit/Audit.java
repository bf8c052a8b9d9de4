package id.pantau.api.audit;

import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.api.TimeParam;
import id.pantau.api.access.Capability;
import id.pantau.api.access.Permissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit trail: its writer ({@link #log()}) and its reader for BKD admins ({@link #read}), over
 * the audit topic. Start with {@link #start}; close to flush what is queued.
 */
public final class Audit implements AutoCloseable {
  /** How many records a request may wait for the topic before they are logged as not sent. */
  public static final int QUEUE_CAPACITY = 10_000;

  public static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  private static final int MAX_TEXT = 200;

  private final AuditLog log;
  private final AuditBook book;
  private final Function<String, Optional<String>> regionOf;
  private final Clock clock;

  private Audit(
      AuditLog log, AuditBook book, Function<String, Optional<String>> regionOf, Clock clock) {
    this.log = log;
    this.book = book;
    this.regionOf = regionOf;
    this.clock = clock;
  }

  /**
   * Starts the producer and the reader of the topic; returns at once, even when Kafka is down.
   *
   * @param regionOf the region of a unit, when known (to scope a BKD admin's view)
   */
  public static Audit start(
      String bootstrap, String topic, Function<String, Optional<String>> regionOf, Clock clock) {
    AuditProducer producer = new AuditProducer(bootstrap, topic, QUEUE_CAPACITY);
    return new Audit(
        new AuditLog(producer), new AuditBook(bootstrap, topic, clock), regionOf, clock);
  }

  public AuditLog log() {
    return log;
  }

  /**
   * The records of [from, to) (defaults: the last 24 hours; at most {@link AuditBook#DAYS} days),
   * of one unit and/or one caller name when given, newest first. BKD admins only; a record naming a
   * unit is listed when the admin's token may see the unit.
   *
   * @throws ApiException 403 for other roles, 400 naming each bad parameter, 503 while loading
   */
  public AuditAnswer read(Principal caller, String from, String to, String unit, String who) {
    Permissions.require(caller, Capability.AUDIT);
    List<String> errors = new ArrayList<>();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant end = blank(to) ? now : TimeParam.parse("to", to.strip(), errors);
    Instant start =
        blank(from)
            ? (end == null ? null : end.minus(DEFAULT_RANGE))
            : TimeParam.parse("from", from.strip(), errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) errors.add("to: must be after from");
      else if (Duration.between(start, end).compareTo(Duration.ofDays(AuditBook.DAYS)) > 0) {
        errors.add("to: must be at most " + AuditBook.DAYS + " days after from");
      }
    }
    if (!blank(unit) && unit.length() > MAX_TEXT) errors.add("unit: must be 1 to 200 characters");
    if (!blank(who) && who.length() > MAX_TEXT) errors.add("who: must be 1 to 200 characters");
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    if (!book.loaded()) {
      throw new ApiException(
          503, List.of("audit: still reading the audit topic"), Map.of("Retry-After", "5"));
    }
    String u = blank(unit) ? null : unit.strip();
    String w = blank(who) ? null : who.strip();
    Map<String, Optional<String>> regions = new HashMap<>();
    List<AuditRecord> records =
        book.between(
            start,
            end,
            r ->
                (u == null || u.equals(r.unit()))
                    && (w == null || w.equals(r.who()))
                    && (r.unit() == null
                        || caller.seesEverything()
                        || caller.mayView(
                            r.unit(),
                            regions.computeIfAbsent(r.unit(), this::safeRegionOf).orElse(null))));
    return new AuditAnswer(start.toString(), end.toString(), records);
  }

  /** The unit's region, or empty when it is unknown or cannot be learnt now. */
  private Optional<String> safeRegionOf(String unit) {
    try {
      return regionOf.apply(unit);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public void close() {
    try {
      log.close();
    } finally {
      book.close();
    }
  }
}

package id.pantau.api.session;

import id.pantau.access.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in browsers: a random opaque id (256 bits from {@link SecureRandom}) to the principal
 * its token named and when it expires, in memory only (a restart signs everybody out). At most
 * {@code capacity} sessions: when full, the expired ones go first, then the one closest to expiry.
 */
public final class Sessions {
  private static final int ID_BYTES = 32;

  /** A session: who signed in and until when. */
  public record Session(String id, Principal principal, Instant expiresAt) {}

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration ttl;
  private final int capacity;
  private final Clock clock;

  public Sessions(Duration ttl, int capacity, Clock clock) {
    if (ttl.isNegative() || ttl.isZero())
      throw new IllegalArgumentException("ttl: must be positive");
    if (capacity < 1) throw new IllegalArgumentException("capacity: must be at least 1");
    this.ttl = ttl;
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Duration ttl() {
    return ttl;
  }

  /** A new session of the principal. */
  public Session open(Principal principal) {
    Objects.requireNonNull(principal, "principal");
    makeRoom();
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Session s = new Session(id, principal, clock.instant().plus(ttl));
    byId.put(id, s);
    return s;
  }

  /** The live session of the id; an expired one is forgotten. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) return Optional.empty();
    Session s = byId.get(id);
    if (s == null) return Optional.empty();
    if (!clock.instant().isBefore(s.expiresAt())) {
      byId.remove(id, s);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** Ends the session of the id (nothing when there is none). */
  public void close(String id) {
    if (id != null) byId.remove(id);
  }

  /** How many sessions are held (expired ones not yet swept included). */
  public int size() {
    return byId.size();
  }

  private synchronized void makeRoom() {
    if (byId.size() < capacity) return;
    Instant now = clock.instant();
    byId.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    while (byId.size() >= capacity) {
      byId.values().stream()
          .min(Comparator.comparing(Session::expiresAt))
          .ifPresent(s -> byId.remove(s.id(), s));
    }
  }
}

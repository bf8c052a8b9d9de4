package id.pantau.ingest;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.ingest.device.DeviceTokens;
import id.pantau.ingest.device.RateLimiter;
import id.pantau.ingest.device.RateLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who may do what at ingest, and how often: events need a DEVICE, OPERATOR or BKD_ADMIN token (or a
 * device's signature, checked by {@code device.SignedRequests}), reference data a BKD_ADMIN or
 * OPERATOR token, devices a BKD_ADMIN token. With relaxed device auth (local demo on loopback only)
 * an event post without an Authorization header counts as an anonymous device; a wrong token is
 * still 401. With {@link DeviceTokens#REFUSE} a DEVICE token may not post events (401): a shared
 * one would let its holder post as any device, so devices sign instead. Each known token (the
 * anonymous device too) is held to its rate ({@link RateLimiter}).
 */
final class IngestAccess {
  static final Role[] EVENT_ROLES = {Role.DEVICE, Role.OPERATOR, Role.BKD_ADMIN};
  static final Role[] REFERENCE_ROLES = {Role.BKD_ADMIN, Role.OPERATOR};
  static final Role[] DEVICE_ADMIN_ROLES = {Role.BKD_ADMIN};
  static final Principal ANONYMOUS_DEVICE =
      new Principal("anonymous device (relaxed device auth)", Role.DEVICE, Set.of(), Set.of());

  /** Known tokens remembered at most; past it the memory starts over (tokens are few). */
  static final int KNOWN_TOKENS_REMEMBERED = 1024;

  private final TokenStore tokens;
  private final boolean relaxDeviceAuth;
  private final DeviceTokens deviceTokens;
  private final RateLimiter limiter;
  // Authorization header → principal, for known tokens only (so unknown ones cannot fill it): the
  // store hashes every token it is asked about, which cost more than anything else a single-event
  // post does before decoding. The store never changes while ingest runs, so neither does this.
  private final Map<String, Principal> known = new ConcurrentHashMap<>();

  IngestAccess(TokenStore tokens, boolean relaxDeviceAuth) {
    this(tokens, relaxDeviceAuth, DeviceTokens.ACCEPT, new RateLimiter(RateLimits.NONE));
  }

  IngestAccess(
      TokenStore tokens, boolean relaxDeviceAuth, DeviceTokens deviceTokens, RateLimiter limiter) {
    this.tokens = tokens;
    this.relaxDeviceAuth = relaxDeviceAuth;
    this.deviceTokens = deviceTokens;
    this.limiter = limiter;
  }

  Principal events(String authorization) {
    if (relaxDeviceAuth && (authorization == null || authorization.isBlank())) {
      limiter.token(ANONYMOUS_DEVICE.name());
      return ANONYMOUS_DEVICE;
    }
    Principal p = permitted(authorization, "posting events", EVENT_ROLES);
    if (deviceTokens == DeviceTokens.REFUSE && p.role() == Role.DEVICE) {
      throw IngestException.unauthorized(
          "the token '"
              + p.name()
              + "' has the role DEVICE, which this ingest no longer takes for events; a BKD_ADMIN"
              + " registers the device with PUT /v1/devices/{deviceId}, then it signs each request"
              + " with X-Pantau-Device, X-Pantau-Timestamp and X-Pantau-Signature (and no"
              + " Authorization header)");
    }
    limiter.token(p.name());
    return p;
  }

  Principal referenceData(String authorization) {
    return require(authorization, "changing reference data", REFERENCE_ROLES);
  }

  Principal devices(String authorization) {
    return require(authorization, "registering devices", DEVICE_ADMIN_ROLES);
  }

  private Principal require(String authorization, String what, Role... roles) {
    Principal p = permitted(authorization, what, roles);
    limiter.token(p.name());
    return p;
  }

  /** The token's principal when it has one of the roles; not yet counted against its rate. */
  private Principal permitted(String authorization, String what, Role... roles) {
    if (authorization == null || authorization.isBlank()) {
      throw IngestException.unauthorized(
          "no bearer token: send the header 'Authorization: Bearer <token>'");
    }
    if (!authorization.startsWith("Bearer ")) {
      throw IngestException.unauthorized("only bearer tokens are accepted: 'Bearer <token>'");
    }
    Principal p = authenticate(authorization);
    if (!p.hasRole(roles)) {
      String allowed = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(", "));
      throw IngestException.forbidden(
          "the token '"
              + p.name()
              + "' has the role "
              + p.role()
              + "; "
              + what
              + " needs "
              + allowed,
          List.of("role: " + p.role() + " may not do " + what + " (needs " + allowed + ")"));
    }
    return p;
  }

  private Principal authenticate(String authorization) {
    Principal p = known.get(authorization);
    if (p != null) return p;
    p =
        tokens
            .authenticate(authorization)
            .orElseThrow(() -> IngestException.unauthorized("the bearer token is not known"));
    if (known.size() >= KNOWN_TOKENS_REMEMBERED) known.clear();
    known.put(authorization, p);
    return p;
  }

  int tokensRemembered() {
    return known.size();
  }
}

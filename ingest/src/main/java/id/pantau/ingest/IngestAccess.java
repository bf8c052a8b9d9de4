package id.pantau.ingest;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who may do what at ingest: events need a DEVICE, OPERATOR or BKD_ADMIN token, reference data a
 * BKD_ADMIN or OPERATOR token. With relaxed device auth (local demo on loopback only) an event post
 * without an Authorization header counts as an anonymous device; a wrong token is still 401.
 */
final class IngestAccess {
  static final Role[] EVENT_ROLES = {Role.DEVICE, Role.OPERATOR, Role.BKD_ADMIN};
  static final Role[] REFERENCE_ROLES = {Role.BKD_ADMIN, Role.OPERATOR};
  static final Principal ANONYMOUS_DEVICE =
      new Principal("anonymous device (relaxed device auth)", Role.DEVICE, Set.of(), Set.of());

  /** Known tokens remembered at most; past it the memory starts over (tokens are few). */
  static final int KNOWN_TOKENS_REMEMBERED = 1024;

  private final TokenStore tokens;
  private final boolean relaxDeviceAuth;
  // Authorization header → principal, for known tokens only (so unknown ones cannot fill it): the
  // store hashes every token it is asked about, which cost more than anything else a single-event
  // post does before decoding. The store never changes while ingest runs, so neither does this.
  private final Map<String, Principal> known = new ConcurrentHashMap<>();

  IngestAccess(TokenStore tokens, boolean relaxDeviceAuth) {
    this.tokens = tokens;
    this.relaxDeviceAuth = relaxDeviceAuth;
  }

  Principal events(String authorization) {
    if (relaxDeviceAuth && (authorization == null || authorization.isBlank())) {
      return ANONYMOUS_DEVICE;
    }
    return require(authorization, "posting events", EVENT_ROLES);
  }

  Principal referenceData(String authorization) {
    return require(authorization, "changing reference data", REFERENCE_ROLES);
  }

  private Principal require(String authorization, String what, Role... roles) {
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

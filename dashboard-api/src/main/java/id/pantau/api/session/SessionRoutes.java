package id.pantau.api.session;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.api.Authorizer;
import id.pantau.api.access.Capability;
import id.pantau.api.access.Permissions;
import id.pantau.events.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The handlers of /api/v1/session: sign in with a token in the body (never in a URL), ask who is
 * signed in, sign out. The token is checked as a bearer token is; the browser then holds only the
 * opaque session id, in a cookie no script can read.
 */
public final class SessionRoutes {
  private static final int MAX_BODY = 4096;

  /** What a sign-in answers, and GET /api/v1/session. */
  public record SignedIn(
      String name, String role, List<String> regions, List<String> units, String expiresAt) {
    static SignedIn of(Principal p, Sessions.Session s) {
      return new SignedIn(
          p.name(),
          p.role().name(),
          List.copyOf(new TreeSet<>(p.regions())),
          List.copyOf(new TreeSet<>(p.units())),
          s == null ? null : s.expiresAt().toString());
    }
  }

  private final Authorizer tokens;
  private final Sessions sessions;
  private final SessionCookie cookie;

  /** From {@link Authentication#sessionRoutes()}. */
  SessionRoutes(Authorizer tokens, Sessions sessions, SessionCookie cookie) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.cookie = cookie;
  }

  /** POST /api/v1/session {"token": "…"}: 200 with the caller and the cookie, else 400/401/403. */
  public void signIn(Context ctx) {
    // Another site must not sign a browser in (to its own account) behind the user's back.
    if (Authentication.crossSite(ctx)) {
      throw ApiException.forbidden("origin: cross-site requests may not change anything");
    }
    Principal principal;
    try {
      principal = tokens.authorize("Bearer " + token(ctx.bodyAsBytes()));
    } catch (ApiException e) {
      if (e.status() != 401) throw e;
      throw ApiException.unauthorized("token: unknown: check it, or ask your BKD admin for one");
    }
    Permissions.require(principal, Capability.AGGREGATES);
    Sessions.Session session = sessions.open(principal);
    ctx.header("Set-Cookie", cookie.issue(session.id(), sessions.ttl()));
    ctx.header("Cache-Control", "no-store");
    ctx.json(SignedIn.of(principal, session));
  }

  /** GET /api/v1/session: who the request's credential names (expiresAt null for a bearer). */
  public void current(Context ctx) {
    Principal caller = Authentication.requiredCaller(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.json(SignedIn.of(caller, Authentication.session(ctx).orElse(null)));
  }

  /** DELETE /api/v1/session: forgets the session and clears the cookie; 204. */
  public void signOut(Context ctx) {
    Authentication.requiredCaller(ctx);
    Authentication.session(ctx).ifPresent(s -> sessions.close(s.id()));
    ctx.header("Set-Cookie", cookie.clear());
    ctx.status(204);
  }

  private static String token(byte[] body) {
    String example = "body: must be JSON {\"token\": \"<your token>\"}";
    if (body.length == 0 || body.length > MAX_BODY) throw ApiException.badRequest(List.of(example));
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest(List.of(example));
    }
    if (root == null || !root.isObject()) throw ApiException.badRequest(List.of(example));
    JsonNode token = root.get("token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw ApiException.badRequest(List.of("token: required, the text of your token"));
    }
    return token.asText().strip();
  }
}

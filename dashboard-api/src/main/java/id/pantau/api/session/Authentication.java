package id.pantau.api.session;

import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.api.Authorizer;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who is asking, for every request: the bearer token of the Authorization header, else the session
 * cookie (the header wins when both come). A cookie is sent by the browser by itself, so a request
 * that changes state with it must come from the service's own pages ({@link SameOrigin}). The
 * caller is kept on the request: {@link #caller(Context)} for any handler, pages included.
 */
public final class Authentication {
  private static final String CALLER = "pantau.caller";
  private static final String SESSION = "pantau.session";
  private static final Set<HandlerType> CHANGES_STATE =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH);

  /** Query parameters that would put a credential into logs, history and Referer headers. */
  private static final List<String> CREDENTIALS_IN_URL = List.of("token", "access_token");

  private final Authorizer bearer;
  private final Sessions sessions;
  private final SessionCookie cookie;

  public Authentication(Authorizer bearer, Sessions sessions, SessionCookie cookie) {
    this.bearer = Objects.requireNonNull(bearer, "bearer");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.cookie = Objects.requireNonNull(cookie, "cookie");
  }

  /** The handlers of /api/v1/session: signing in and out over the same tokens and sessions. */
  public SessionRoutes sessionRoutes() {
    return new SessionRoutes(bearer, sessions, cookie);
  }

  /**
   * Refuses a credential in the query string (400 naming it), whatever the path.
   *
   * @param query a query parameter's value by name
   */
  public static void refuseCredentialsInUrl(UnaryOperator<String> query) {
    for (String name : CREDENTIALS_IN_URL) {
      if (query.apply(name) != null) {
        throw ApiException.badRequest(
            List.of(
                name
                    + ": a token never goes into a URL (logs and history keep it): send it as"
                    + " 'Authorization: Bearer <token>' or sign in with POST /api/v1/session"));
      }
    }
  }

  /**
   * The step before every non-public API route: the caller, or 401 (no credential, an unknown token
   * or session), or 403 (a state-changing request with the cookie from another site).
   */
  public void requireCaller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && !header.isBlank()) {
      ctx.attribute(CALLER, bearer.authorize(header));
      return;
    }
    String id = ctx.cookie(SessionCookie.NAME);
    if (id == null) {
      ctx.attribute(CALLER, bearer.authorize(null)); // throws the 401 of a missing credential
      return;
    }
    Sessions.Session session =
        sessions
            .find(id)
            .orElseThrow(
                () -> {
                  ctx.header("Set-Cookie", cookie.clear());
                  return ApiException.unauthorized(
                      "session: expired or unknown: sign in again (POST /api/v1/session)");
                });
    ctx.attribute(CALLER, session.principal()); // known, so a refusal below is audited as theirs
    ctx.attribute(SESSION, session);
    if (CHANGES_STATE.contains(ctx.method()) && !sameOrigin(ctx)) {
      throw ApiException.forbidden("origin: cross-site requests may not change anything");
    }
  }

  /**
   * The step before every page: learns the caller from a live session cookie, if any, and never
   * refuses (a page decides itself what it shows without one).
   */
  public void learnCaller(Context ctx) {
    if (ctx.attribute(CALLER) != null) return;
    String id = ctx.cookie(SessionCookie.NAME);
    if (id == null) return;
    sessions
        .find(id)
        .ifPresent(
            s -> {
              ctx.attribute(CALLER, s.principal());
              ctx.attribute(SESSION, s);
            });
  }

  /** Whether the request's Origin or Sec-Fetch-Site shows it comes from this service's pages. */
  public static boolean sameOrigin(Context ctx) {
    return SameOrigin.check(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.host());
  }

  /** Whether the request's Origin or Sec-Fetch-Site shows it comes from another site. */
  public static boolean crossSite(Context ctx) {
    return SameOrigin.crossSite(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.host());
  }

  /** The caller of the request, when a step above has learnt it. */
  public static Optional<Principal> caller(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }

  /**
   * The caller of the request.
   *
   * @throws ApiException 401 when there is none
   */
  public static Principal requiredCaller(Context ctx) {
    return caller(ctx)
        .orElseThrow(() -> ApiException.unauthorized("Authorization: a Bearer token is required"));
  }

  /** The session the request came with, when it was authenticated by its cookie. */
  public static Optional<Sessions.Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }
}

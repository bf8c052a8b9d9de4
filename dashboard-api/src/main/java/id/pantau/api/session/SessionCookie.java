package id.pantau.api.session;

import java.time.Duration;

/**
 * The session cookie's Set-Cookie values: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Path=/ (the pages and the API), Secure when the service is reached over
 * TLS. Written by hand so every attribute is exactly as stated here.
 */
public final class SessionCookie {
  public static final String NAME = "pantau_session";

  private final boolean secure;

  public SessionCookie(boolean secure) {
    this.secure = secure;
  }

  public boolean secure() {
    return secure;
  }

  /** The Set-Cookie value carrying the session id for its lifetime. */
  public String issue(String id, Duration ttl) {
    return NAME + "=" + id + attributes(ttl.toSeconds());
  }

  /** The Set-Cookie value that makes the browser forget the cookie. */
  public String clear() {
    return NAME + "=" + attributes(0);
  }

  private String attributes(long maxAgeSeconds) {
    return "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}

package id.pantau.api.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a browser request comes from the service's own pages: its {@code Origin} names the host
 * the request was sent to ({@code Host}), or, without an Origin, {@code Sec-Fetch-Site} is {@code
 * same-origin}. Neither header: not shown to be same-origin (curl and scripts use a bearer token).
 * A reverse proxy in front must pass the Host header through unchanged.
 */
public final class SameOrigin {
  private SameOrigin() {}

  public static boolean check(String origin, String secFetchSite, String host) {
    if (origin != null && !origin.isBlank()) {
      return host != null && sameAuthority(origin.strip(), host.strip());
    }
    return secFetchSite != null && secFetchSite.strip().equalsIgnoreCase("same-origin");
  }

  /** True when the headers say the request is cross-site (a missing header says nothing). */
  public static boolean crossSite(String origin, String secFetchSite, String host) {
    if (origin != null && !origin.isBlank()) {
      return host == null || !sameAuthority(origin.strip(), host.strip());
    }
    return secFetchSite != null && secFetchSite.strip().equalsIgnoreCase("cross-site");
  }

  private static boolean sameAuthority(String origin, String host) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) return false; // "null", file:, …
      String authority = uri.getRawAuthority();
      if (authority == null) return false;
      return withPort(authority, scheme).equalsIgnoreCase(withPort(host, scheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** host[:port] with the scheme's default port made explicit, so :80 and no port compare equal. */
  private static String withPort(String authority, String scheme) {
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon > authority.lastIndexOf(']');
    if (hasPort) return authority;
    return authority + (scheme.equals("https") ? ":443" : ":80");
  }
}

package id.pantau.api;

import id.pantau.access.Principal;

/**
 * Who is asking: turns the Authorization header of a request into a {@link Principal}. A dependency
 * of {@link DashboardApp}, so other schemes (sessions, OIDC) can replace the bearer tokens later.
 */
@FunctionalInterface
public interface Authorizer {
  /**
   * The principal of the header value (null when the request had none).
   *
   * @throws ApiException with status 401 and the reason when there is no acceptable credential
   */
  Principal authorize(String authorizationHeader);
}

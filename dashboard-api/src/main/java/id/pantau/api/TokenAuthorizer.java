package id.pantau.api;

import id.pantau.access.Principal;
import id.pantau.access.TokenStore;
import java.util.Objects;

/** Bearer tokens looked up by SHA-256 in a {@link TokenStore} (the PANTAU_TOKENS_FILE). */
public final class TokenAuthorizer implements Authorizer {
  private static final String SCHEME = "Bearer ";
  private final TokenStore tokens;

  public TokenAuthorizer(TokenStore tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Principal authorize(String header) {
    if (header == null || header.isBlank()) {
      throw ApiException.unauthorized("Authorization: a Bearer token is required");
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || value.substring(SCHEME.length()).isBlank()) {
      throw ApiException.unauthorized("Authorization: must be 'Bearer <token>'");
    }
    return tokens
        .authenticate(SCHEME + value.substring(SCHEME.length()).strip())
        .orElseThrow(() -> ApiException.unauthorized("Authorization: unknown token"));
  }
}

package id.pantau.access;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens as the file that PANTAU_TOKENS_FILE names: only each token's SHA-256 is stored, so
 * the file leaks nothing usable.
 */
public final class TokenStore {
  private final Map<String, Principal> bySha256;

  private TokenStore(Map<String, Principal> bySha256) {
    this.bySha256 = Map.copyOf(bySha256);
  }

  public static TokenStore of(Map<String, Principal> tokensBySha256) {
    return new TokenStore(tokensBySha256);
  }

  /** Reads the tokens file; a broken file stops start-up with the entry and the reason. */
  public static TokenStore load(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": must be a JSON array of tokens");
    }
    Map<String, Principal> map = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode t = root.get(i);
      String where = file + " entry " + i;
      String name = t.path("name").asText(null);
      String sha = t.path("sha256").asText("").toLowerCase();
      if (name == null || name.isBlank())
        throw new IllegalArgumentException(where + ": name is required");
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(where + ": sha256 must be 64 hex digits");
      }
      Role role;
      try {
        role = Role.valueOf(t.path("role").asText(""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": role must be one of " + List.of(Role.values()));
      }
      map.put(sha, new Principal(name, role, strings(t.path("regions")), strings(t.path("units"))));
    }
    return new TokenStore(map);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The principal of an "Authorization: Bearer …" header value, if the token is known. */
  public Optional<Principal> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      return Optional.empty();
    }
    String token = authorizationHeader.substring("Bearer ".length()).trim();
    if (token.isEmpty()) return Optional.empty();
    return Optional.ofNullable(bySha256.get(sha256(token)));
  }

  public static String sha256(String token) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh random token, for the local demo's generated tokens file. */
  public static String newToken() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return "pt_" + HexFormat.of().formatHex(b);
  }

  /** One entry of a tokens file, as JSON, for a token. */
  public static Map<String, Object> entry(
      String name, String token, Role role, List<String> regions, List<String> units) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("sha256", sha256(token));
    m.put("role", role.name());
    m.put("regions", new ArrayList<>(regions));
    m.put("units", new ArrayList<>(units));
    return m;
  }
}

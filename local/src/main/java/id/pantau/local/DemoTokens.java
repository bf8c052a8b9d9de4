package id.pantau.local;

import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens for the local demo when no PANTAU_TOKENS_FILE is named: fresh ones on every start, stored
 * as SHA-256 only, printed once for the user.
 */
final class DemoTokens {
  final Path file;
  final Map<String, String> tokenByName;

  private DemoTokens(Path file, Map<String, String> tokenByName) {
    this.file = file;
    this.tokenByName = tokenByName;
  }

  static DemoTokens generate(Path dir, String headUnit) throws IOException {
    Map<String, String> tokens = new LinkedHashMap<>();
    List<Map<String, Object>> entries = new ArrayList<>();
    add(tokens, entries, "bkd-admin", Role.BKD_ADMIN, List.of());
    add(tokens, entries, "operator", Role.OPERATOR, List.of());
    add(tokens, entries, "leadership", Role.LEADERSHIP, List.of());
    add(tokens, entries, "unit-head", Role.UNIT_HEAD, List.of(headUnit));
    add(tokens, entries, "device", Role.DEVICE, List.of());
    Files.createDirectories(dir);
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, Json.text(entries));
    return new DemoTokens(file, tokens);
  }

  private static void add(
      Map<String, String> tokens,
      List<Map<String, Object>> entries,
      String name,
      Role role,
      List<String> units) {
    String token = TokenStore.newToken();
    tokens.put(name, token);
    entries.add(TokenStore.entry(name, token, role, List.of(), units));
  }

  String token(String name) {
    return tokenByName.get(name);
  }
}

package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Tokens for the local demo: fresh ones on every start when no PANTAU_TOKENS_FILE is named, stored
 * as SHA-256 only, printed once for the user; beside the user's own file, only the simulator's.
 */
final class DemoTokens {
  /** The name of the simulated city's token, in the demo's file and beside the user's. */
  static final String SIMULATOR = "demo-simulator";

  final Path file;
  final Map<String, String> tokenByName;

  /** The user's own tokens file the demo's extends, or null. */
  final Path usersFile;

  private DemoTokens(Path file, Map<String, String> tokenByName, Path usersFile) {
    this.file = file;
    this.tokenByName = tokenByName;
    this.usersFile = usersFile;
  }

  /**
   * The user's tokens and a fresh one for the simulated city (it puts units, rosters and events, as
   * an OPERATOR), written together to {@code dir}/tokens.json: the user's file is read, never
   * written, and the simulator works whatever tokens it holds.
   */
  static DemoTokens besides(Path usersFile, Path dir) throws IOException {
    JsonNode users = Json.MAPPER.readTree(Files.readAllBytes(usersFile));
    if (users == null || !users.isArray()) {
      throw new IllegalArgumentException(
          "PANTAU_TOKENS_FILE " + usersFile + ": must be a JSON array of tokens");
    }
    users.forEach(
        t -> {
          if (SIMULATOR.equals(t.path("name").asText())) {
            throw new IllegalArgumentException(
                "PANTAU_TOKENS_FILE "
                    + usersFile
                    + ": the name "
                    + SIMULATOR
                    + " is the demo's own for its simulator: rename that entry");
          }
        });
    String token = TokenStore.newToken();
    ArrayNode all = ((ArrayNode) users).deepCopy();
    all.addPOJO(TokenStore.entry(SIMULATOR, token, Role.OPERATOR, List.of(), List.of()));
    Files.createDirectories(dir);
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, Json.text(all));
    return new DemoTokens(file, Map.of(SIMULATOR, token), usersFile);
  }

  /** The token the simulated city posts with. */
  String simulator() {
    return token(usersFile == null ? "operator" : SIMULATOR);
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
    return new DemoTokens(file, tokens, null);
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

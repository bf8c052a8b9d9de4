package id.pantau.local.fuzz;

import id.pantau.access.DeviceSignature;
import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fresh bearer tokens of every role for both services, with the store that knows them, and a
 * device's fresh secret (the stack registers it at ingest).
 */
final class Callers {
  /** The units and regions the run's valid requests name. */
  static final String REGION = "kota-fuzz";

  static final String OTHER_REGION = "kota-lain";
  static final String[] UNITS = {"fz-bapenda", "fz-damkar", "fz-rsud", "fz-disdik"};
  static final String HEAD_UNIT = UNITS[1];

  /** The device registered at ingest, in the first unit, that signs some event posts. */
  static final String DEVICE = "fz-kiosk";

  static final String DEVICE_UNIT = UNITS[0];

  final String deviceSecret = DeviceSignature.newSecret();

  final Map<String, String> tokens = new LinkedHashMap<>();
  final TokenStore store;

  Callers() {
    Map<String, Principal> bySha = new HashMap<>();
    add(bySha, "admin", Role.BKD_ADMIN, Set.of(), Set.of());
    add(bySha, "operator", Role.OPERATOR, Set.of(), Set.of());
    add(bySha, "leader", Role.LEADERSHIP, Set.of(), Set.of());
    add(bySha, "head", Role.UNIT_HEAD, Set.of(), Set.of(HEAD_UNIT));
    add(bySha, "regional", Role.BKD_ADMIN, Set.of(REGION), Set.of());
    add(bySha, "device", Role.DEVICE, Set.of(), Set.of());
    store = TokenStore.of(bySha);
  }

  private void add(
      Map<String, Principal> bySha,
      String name,
      Role role,
      Set<String> regions,
      Set<String> units) {
    String token = TokenStore.newToken();
    tokens.put(name, token);
    bySha.put(TokenStore.sha256(token), new Principal(name, role, regions, units));
  }

  String token(String name) {
    return tokens.get(name);
  }

  byte[] deviceKey() {
    return DeviceSignature.key(deviceSecret);
  }
}

package id.pantau.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir Path dir;

  @Test
  void findsThePrincipalOfAKnownTokenOnly() throws Exception {
    Path file = dir.resolve("tokens.json");
    Files.writeString(
        file,
        Json.text(
            List.of(
                TokenStore.entry(
                    "bkd-banten", "secret-1", Role.BKD_ADMIN, List.of("banten"), List.of()),
                TokenStore.entry("head", "secret-2", Role.UNIT_HEAD, List.of(), List.of("u1")))));
    TokenStore store = TokenStore.load(file);

    Principal bkd = store.authenticate("Bearer secret-1").orElseThrow();
    assertThat(bkd.role()).isEqualTo(Role.BKD_ADMIN);
    assertThat(bkd.mayView("any-unit", "banten")).isTrue();
    assertThat(bkd.mayView("u1", "jakarta")).isFalse();

    Principal head = store.authenticate("Bearer secret-2").orElseThrow();
    assertThat(head.mayView("u1", "banten")).isTrue();
    assertThat(head.mayView("u2", "banten")).isFalse();

    assertThat(store.authenticate("Bearer wrong")).isEmpty();
    assertThat(store.authenticate("secret-1")).isEmpty();
    assertThat(store.authenticate(null)).isEmpty();
  }

  @Test
  void refusesAnEntryWithAnUnknownRoleNamingIt() throws Exception {
    Path file = dir.resolve("tokens.json");
    Files.writeString(
        file, "[{\"name\":\"x\",\"sha256\":\"" + "a".repeat(64) + "\",\"role\":\"KING\"}]");
    assertThatThrownBy(() -> TokenStore.load(file))
        .hasMessageContaining("entry 0: role must be one of");
  }
}

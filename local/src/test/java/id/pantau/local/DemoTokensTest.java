package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTokensTest {
  @TempDir Path dir;

  @Test
  void theSimulatorGetsAWorkingTokenBesideTheUsersOwnFile() throws Exception {
    String mine = TokenStore.newToken();
    Path users = dir.resolve("my-tokens.json");
    String usersText =
        Json.text(List.of(TokenStore.entry("me", mine, Role.BKD_ADMIN, List.of(), List.of())));
    Files.writeString(users, usersText);
    LocalStack stack = new LocalStack(dir.resolve("data"), p -> 0);

    stack.tokens("tng-disdukcapil", users.toString());

    TokenStore store = TokenStore.load(stack.tokensFile);
    assertThat(store.authenticate("Bearer " + mine).map(Principal::name)).contains("me");
    assertThat(store.authenticate("Bearer " + stack.tokens.simulator()).map(Principal::role))
        .as("the simulator's token, which the demo hands its simulated city")
        .contains(Role.OPERATOR);
    assertThat(stack.tokensFile).isNotEqualTo(users);
    assertThat(Files.readString(users)).as("the user's file, untouched").isEqualTo(usersText);
  }

  @Test
  void withoutAUsersFileTheSimulatorPostsAsTheDemosOperator() throws Exception {
    LocalStack stack = new LocalStack(dir.resolve("data"), p -> 0);

    stack.tokens("tng-disdukcapil", null);

    assertThat(stack.tokens.simulator()).isEqualTo(stack.tokens.token("operator"));
    assertThat(TokenStore.load(stack.tokensFile).authenticate("Bearer " + stack.tokens.simulator()))
        .map(Principal::role)
        .contains(Role.OPERATOR);
  }

  @Test
  void refusesAUsersFileThatTakesTheSimulatorsName() throws Exception {
    Path users = dir.resolve("my-tokens.json");
    Files.writeString(
        users,
        Json.text(
            List.of(
                TokenStore.entry(DemoTokens.SIMULATOR, "x", Role.DEVICE, List.of(), List.of()))));

    assertThatThrownBy(() -> DemoTokens.besides(users, dir.resolve("data")))
        .hasMessageContaining(DemoTokens.SIMULATOR)
        .hasMessageContaining("rename that entry");
  }
}

package id.pantau.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.api.ApiException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role × capability table, stated here once more so a change to it is a deliberate one. */
class PermissionsTest {
  @ParameterizedTest(
      name = "{0}: aggregates {1}, reports {2}, reference {3}, personal {4}, audit {5}, hooks {6}")
  @CsvSource({
    "BKD_ADMIN,  true,  true,  true,  true,  true,  true",
    "UNIT_HEAD,  true,  true,  true,  true,  false, false",
    "LEADERSHIP, true,  true,  false, false, false, false",
    "OPERATOR,   true,  true,  true,  false, false, false",
    "DEVICE,     false, false, false, false, false, false",
  })
  void eachRoleMayDoExactlyWhatTheTableGrants(
      Role role,
      boolean aggregates,
      boolean reports,
      boolean reference,
      boolean personal,
      boolean audit,
      boolean hooks) {
    assertThat(Permissions.allows(role, Capability.AGGREGATES)).isEqualTo(aggregates);
    assertThat(Permissions.allows(role, Capability.REPORTS)).isEqualTo(reports);
    assertThat(Permissions.allows(role, Capability.REFERENCE_DATA)).isEqualTo(reference);
    assertThat(Permissions.allows(role, Capability.PERSONAL_DATA)).isEqualTo(personal);
    assertThat(Permissions.allows(role, Capability.AUDIT)).isEqualTo(audit);
    assertThat(Permissions.allows(role, Capability.WEBHOOKS)).isEqualTo(hooks);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"LEADERSHIP", "OPERATOR", "DEVICE"})
  void aRefusalIs403NamingTheRoleAndWhatItMayNotDo(Role role) {
    Principal caller = new Principal("x", role, Set.of(), Set.of());

    assertThatThrownBy(() -> Permissions.require(caller, Capability.PERSONAL_DATA))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.errors())
                  .singleElement()
                  .asString()
                  .startsWith("role: " + role + " may not read per-employee data");
            });
  }
}

package id.pantau.api.access;

import static id.pantau.api.access.Capability.AGGREGATES;
import static id.pantau.api.access.Capability.PERSONAL_DATA;
import static id.pantau.api.access.Capability.REFERENCE_DATA;
import static id.pantau.api.access.Capability.REPORTS;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.api.ApiException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which role may do what: the one table of function-level authorization. Which units a caller sees
 * (object level) is its token's scope ({@link Principal#mayView}), checked by each service.
 */
public final class Permissions {
  private static final Map<Role, Set<Capability>> GRANTED =
      Map.of(
          Role.BKD_ADMIN, EnumSet.allOf(Capability.class),
          Role.UNIT_HEAD, EnumSet.of(AGGREGATES, REPORTS, REFERENCE_DATA, PERSONAL_DATA),
          // Leaders steer by numbers: never a person's record.
          Role.LEADERSHIP, EnumSet.of(AGGREGATES, REPORTS),
          // Operators keep the system running: they need no names to do that.
          Role.OPERATOR, EnumSet.of(AGGREGATES, REPORTS, REFERENCE_DATA),
          // Phones and kiosks post to ingest; they read nothing here.
          Role.DEVICE, EnumSet.noneOf(Capability.class));

  private Permissions() {}

  public static boolean allows(Role role, Capability capability) {
    return GRANTED.getOrDefault(role, Set.of()).contains(capability);
  }

  /**
   * Returns when the caller's role has the capability.
   *
   * @throws ApiException 403 naming the role otherwise
   */
  public static void require(Principal caller, Capability capability) {
    if (!allows(caller.role(), capability)) {
      throw ApiException.forbidden(
          "role: " + caller.role() + " may not " + capability.doing() + reason(caller.role()));
    }
  }

  private static String reason(Role role) {
    return switch (role) {
      case LEADERSHIP -> " (leaders read aggregates, not names)";
      case OPERATOR -> " (operators read health and aggregates, not names)";
      case DEVICE -> " (a DEVICE token only posts to ingest)";
      default -> "";
    };
  }
}

package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.caps.Breach;
import id.pantau.compliance.ComplianceAlerts;
import id.pantau.events.Alert;
import id.pantau.location.LocationAlerts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Alert#KINDS} is what a webhook may filter on; the kinds are raised here. A kind the jobs
 * raise that the list lacks could never be subscribed to, so the two are kept equal.
 */
class AlertKindsTest {
  @Test
  void everyKindTheJobsRaiseIsListedInAlertKindsAndNothingElseIs() throws Exception {
    List<String> raised = new ArrayList<>();
    raised.addAll(kinds(Breach.class));
    raised.addAll(kinds(LocationAlerts.class));
    raised.addAll(kinds(ComplianceAlerts.class));
    raised.removeAll(List.of(ComplianceAlerts.CORRECTED)); // a phase, not a kind
    // The planned-roster breaches are named where they are raised (RosterChecker).
    raised.add("ROSTER_OVER_CAP");
    raised.add("ROSTER_UNDER_FLOOR");
    assertThat(raised).containsExactlyInAnyOrderElementsOf(Alert.KINDS);
  }

  private static List<String> kinds(Class<?> type) throws IllegalAccessException {
    List<String> out = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m)
          && Modifier.isFinal(m)
          && Modifier.isPublic(m)
          && f.getType() == String.class
          && f.getName().equals(f.get(null))) {
        out.add((String) f.get(null));
      }
    }
    return out;
  }
}

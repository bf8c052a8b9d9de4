package id.pantau.compliance;

import id.pantau.events.Policy;
import id.pantau.events.Unit;

/** Reference data broadcast to every employee: a unit (its region and time zone) or a policy. */
public class ComplianceRef {
  public Unit unit;
  public Policy policy;

  public ComplianceRef() {}

  public static ComplianceRef of(Unit u) {
    ComplianceRef r = new ComplianceRef();
    r.unit = u;
    return r;
  }

  public static ComplianceRef of(Policy p) {
    ComplianceRef r = new ComplianceRef();
    r.policy = p;
    return r;
  }
}

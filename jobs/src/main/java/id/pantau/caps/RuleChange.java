package id.pantau.caps;

import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;

/** A region-wide rule version, broadcast to every unit: a zone level or a policy. */
public class RuleChange {
  public ZoneChange zone;
  public Policy policy;

  public RuleChange() {}

  public static RuleChange of(ZoneChange z) {
    RuleChange r = new RuleChange();
    r.zone = z;
    return r;
  }

  public static RuleChange of(Policy p) {
    RuleChange r = new RuleChange();
    r.policy = p;
    return r;
  }
}

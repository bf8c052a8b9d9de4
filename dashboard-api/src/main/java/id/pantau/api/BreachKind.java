package id.pantau.api;

/** The {@code kind} tag of measurement {@code breach}: which limit a unit's presence crossed. */
public enum BreachKind {
  /** More staff present than the cap allows. */
  OVER_CAP,
  /** Fewer staff present than an essential service's floor during service hours. */
  UNDER_FLOOR
}

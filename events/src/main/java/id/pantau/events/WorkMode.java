package id.pantau.events;

/** Where an employee says they work when checking in. */
public enum WorkMode {
  WFO,
  WFH
}

package id.pantau.events;

/** What an attendance event records. */
public enum Action {
  CHECK_IN,
  CHECK_OUT
}

package id.pantau.events;

/** The channel an attendance event came through; only APP events must carry a location. */
public enum Source {
  APP,
  KIOSK,
  MANUAL
}

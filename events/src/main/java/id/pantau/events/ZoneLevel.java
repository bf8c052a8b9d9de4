package id.pantau.events;

/** The risk zone of a region, which sets how many staff a unit may have in the office. */
public enum ZoneLevel {
  LOW,
  MEDIUM,
  HIGH
}

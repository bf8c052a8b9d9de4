package id.pantau.events;

/** What an employee is scheduled to do on a day; PIKET is the rotating office duty. */
public enum RosterMode {
  WFO,
  WFH,
  PIKET,
  LEAVE,
  SICK,
  OFFICIAL_TRAVEL;

  /** Scheduled to be in the office that day. */
  public boolean inOffice() {
    return this == WFO || this == PIKET;
  }
}

package id.pantau.sim;

import java.time.Instant;

/**
 * A clock that shows the instant it was last set to: the simulated "now" that a {@link DaySender}
 * moves forward and an in-process ingest reads for its receipt times, so a day replayed in a minute
 * gets the same receipt times (and the same late uploads) as the day lived in real time.
 */
public final class SteppedClock extends InstantClock {
  private volatile Instant now;

  public SteppedClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }
}

package id.pantau.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * The receipt clock of the demo's ingest: while the {@link LiveSimulator} catches up on today, it
 * shows the simulated minute each batch is sent in, so the backfilled day gets the receipt times it
 * would have had live (on time stays on time; only the offline phones' uploads come late); after
 * that it follows the wall clock.
 */
public final class CatchUpClock extends InstantClock {
  private final Clock wall;
  private volatile Instant shown; // null: the wall clock

  public CatchUpClock(Clock wall) {
    this.wall = wall;
  }

  /** Shows {@code instant} until {@link #followWall()}. */
  public void set(Instant instant) {
    this.shown = instant;
  }

  /** From now on shows the wall clock. */
  public void followWall() {
    this.shown = null;
  }

  @Override
  public Instant instant() {
    Instant s = shown;
    return s != null ? s : wall.instant();
  }
}

package id.pantau.sim;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that only tells instants (what ingest's receipt times read): in UTC, and {@link
 * #withZone} changes nothing.
 */
abstract class InstantClock extends Clock {
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // instants only
  }
}

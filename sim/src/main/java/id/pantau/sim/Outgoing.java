package id.pantau.sim;

import java.time.Instant;

/**
 * An event of the live city and when it is sent: when it was made, or later when its phone was
 * offline.
 */
record Outgoing(Instant sendAt, Planned planned, String line) {
  boolean late() {
    return sendAt.isAfter(planned.at());
  }
}

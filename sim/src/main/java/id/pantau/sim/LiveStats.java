package id.pantau.sim;

import java.util.Locale;

/**
 * What the {@link LiveSimulator} has done so far.
 *
 * @param eventsSent events that ingest answered 2xx for (accepted or rejected)
 * @param eventsDropped events given up on because ingest refused the whole batch (4xx)
 * @param retries requests repeated because ingest was unreachable or busy
 * @param lastEvent local time of the last event sent, e.g. "10:42 WIB", or "" before any
 * @param rosterRows roster rows that ingest accepted
 * @param lateUploads events sent late by an offline phone (counted in eventsSent too)
 * @param heldBack events made but not sent yet: their phone is still offline
 */
public record LiveStats(
    long unitsPut,
    long eventsSent,
    long eventsAccepted,
    long eventsRejected,
    long eventsDropped,
    long retries,
    boolean backfilled,
    String lastEvent,
    long rosterRows,
    long lateUploads,
    long heldBack) {

  /** One line for the console, e.g. "sim: 24 units, 3,812 events sent (3,812 accepted) …". */
  public String line() {
    StringBuilder sb = new StringBuilder("sim: ");
    sb.append(String.format(Locale.ROOT, "%,d units, ", unitsPut));
    if (rosterRows > 0) sb.append(String.format(Locale.ROOT, "%,d roster rows, ", rosterRows));
    sb.append(String.format(Locale.ROOT, "%,d events sent", eventsSent));
    sb.append(String.format(Locale.ROOT, " (%,d accepted", eventsAccepted));
    if (eventsRejected > 0) sb.append(String.format(Locale.ROOT, ", %,d rejected", eventsRejected));
    if (eventsDropped > 0) sb.append(String.format(Locale.ROOT, ", %,d dropped", eventsDropped));
    sb.append(')');
    if (lateUploads > 0 || heldBack > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              ", offline phones: %,d uploaded late, %,d held back",
              lateUploads,
              heldBack));
    }
    if (!lastEvent.isEmpty()) sb.append(", last at ").append(lastEvent);
    if (!backfilled) sb.append(", backfill pending");
    if (retries > 0) sb.append(String.format(Locale.ROOT, ", %,d retries", retries));
    return sb.toString();
  }
}

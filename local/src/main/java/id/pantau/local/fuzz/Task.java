package id.pantau.local.fuzz;

import java.util.List;

/**
 * Requests sent one after the other on one worker: mostly one; several posts of the same event when
 * {@code duplicateId} names it (so each post follows the acknowledgement of the one before).
 */
record Task(int index, List<FuzzRequest> requests, String duplicateId) {
  Task {
    requests = List.copyOf(requests);
  }
}

package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.sim.truth.GroundTruth;
import id.pantau.sim.truth.Presence;
import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the alerts about units on the alerts topic (planned breaches of the rosters, breaches
 * opening and closing) with the {@link GroundTruth}'s: each alert ID and phase the truth has must
 * be there, and none of the simulated date that it has not.
 */
record AlertsCheck(GroundTruth truth, Differences diffs, String kafkaBootstrap) {
  private static final Set<String> UNIT_KINDS =
      Set.of("ROSTER_OVER_CAP", "ROSTER_UNDER_FLOOR", "OVER_CAP", "UNDER_FLOOR");

  void unitAlerts() throws Exception {
    SortedSet<String> stored = new TreeSet<>();
    TopicRead.toEnd(
        kafkaBootstrap,
        Topics.ALERTS,
        r -> {
          JsonNode a = parse(r.value());
          if (a != null && ofTheDate(a)) {
            stored.add(a.path("alertId").asText() + " " + a.path("phase").asText());
          }
        });
    for (String a : truth.unitAlerts()) {
      diffs.check("alerts", a, "on the topic", stored.remove(a) ? "on the topic" : "missing");
    }
    for (String extra : stored) diffs.add("alerts", extra + ": not in the ground truth");
  }

  /** A unit alert of the simulated date: a roster's of that date, a breach starting on it. */
  private boolean ofTheDate(JsonNode a) {
    String kind = a.path("kind").asText();
    if (!UNIT_KINDS.contains(kind)) return false;
    if (kind.startsWith("ROSTER_"))
      return truth.day().date().toString().equals(a.path("date").asText());
    Presence p = truth.presence(a.path("unitId").asText());
    if (p == null) return true; // a unit the city does not have: always a difference
    long start = Instant.parse(a.path("startedAt").asText()).toEpochMilli();
    // A replay's minutes run to the midnight after a unit's last fact: only the date is modelled.
    return start >= p.dayStartMs() && start < p.dayEndMs();
  }

  private static JsonNode parse(byte[] value) {
    try {
      return value == null ? null : Json.MAPPER.readTree(value);
    } catch (java.io.IOException e) {
      return null; // not an alert the jobs wrote: nothing to compare
    }
  }
}

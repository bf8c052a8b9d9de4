package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the jobs stored, to compare two runs point for point: every InfluxDB point of both
 * retention policies (measurement, tags and time → its fields; the dead-letter counts too, dated by
 * when their records happened), the distinct alerts on the alerts topic, and the latest check-in
 * result per key (the topic is compacted by it).
 */
record StoredResults(Map<String, String> points, Set<String> alerts, Map<String, String> checkins) {

  static StoredResults read(String influxUrl, String kafkaBootstrap) throws Exception {
    Map<String, String> points = points(new InfluxQl(influxUrl));
    Set<String> alerts = new TreeSet<>();
    TopicRead.toEnd(kafkaBootstrap, Topics.ALERTS, r -> alerts.add(text(r.value())));
    Map<String, String> checkins = new TreeMap<>();
    TopicRead.toEnd(
        kafkaBootstrap, Topics.CHECKINS, r -> checkins.put(text(r.key()), text(r.value())));
    return new StoredResults(points, alerts, checkins);
  }

  /** The InfluxDB points of database {@code db} alone (no alerts, no check-ins). */
  static StoredResults points(String influxUrl, String db) throws Exception {
    return new StoredResults(points(new InfluxQl(influxUrl, db)), Set.of(), Map.of());
  }

  private static Map<String, String> points(InfluxQl influx) throws Exception {
    Map<String, String> points = new TreeMap<>();
    for (String policy : List.of("raw", "trends")) {
      InfluxQl.Answer a = influx.run("SELECT * FROM \"" + policy + "\"./.*/ GROUP BY *");
      if (a.error() != null) throw new IllegalStateException("InfluxDB: " + a.error());
      for (InfluxQl.Series s : a.series()) {
        for (JsonNode row : s.rows()) {
          StringBuilder fields = new StringBuilder();
          for (int i = 1; i < s.columns().size(); i++) {
            if (!row.get(i).isNull())
              fields.append(s.columns().get(i)).append('=').append(row.get(i)).append(' ');
          }
          points.put(
              policy + "." + s.name() + new TreeMap<>(s.tags()) + "@" + row.get(0).asLong(),
              fields.toString().strip());
        }
      }
    }
    return points;
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** The first {@code max} differences from {@code other}, each a line. */
  List<String> differencesFrom(StoredResults other, int max) {
    List<String> out = new ArrayList<>();
    compare("point", points, other.points, out);
    compare("check-in", checkins, other.checkins, out);
    for (String a : alerts) if (!other.alerts.contains(a)) out.add("alert only before: " + a);
    for (String a : other.alerts) if (!alerts.contains(a)) out.add("alert only after: " + a);
    return out.subList(0, Math.min(max, out.size()));
  }

  private static void compare(
      String what, Map<String, String> before, Map<String, String> after, List<String> out) {
    for (var e : before.entrySet()) {
      String now = after.get(e.getKey());
      if (!e.getValue().equals(now))
        out.add(what + " " + e.getKey() + ": " + e.getValue() + " → " + now);
    }
    for (String k : after.keySet()) {
      if (!before.containsKey(k)) out.add(what + " " + k + ": new, " + after.get(k));
    }
  }
}

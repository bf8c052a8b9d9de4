package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.sim.CityUnit;
import id.pantau.sim.truth.GroundTruth;
import id.pantau.sim.truth.Presence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pantau's Grafana dashboards and alert rules against what the pipeline wrote for a simulated day
 * (the day {@link SimulatedDay} sends through ingest, Kafka and every job into a real influxd):
 * every panel query and variable runs with {@code $timeFilter}, {@code $__interval} and each
 * variable substituted by values that exist, and answers rows; every alert rule, evaluated with its
 * reduce and threshold at instants of that day, fires exactly when the ground truth says a breach
 * is open, a unit's attendance compliance is low or a region fell silent, and not otherwise.
 */
@ExtendWith(SimulatedDay.Shared.class)
class GrafanaProvisioningIT {
  private SimulatedDay day;
  private InfluxQl influx;

  /** Values that would be a NIP (18 digits) in an answer. */
  private static final Pattern NIP = Pattern.compile("\\d{18}");

  @BeforeEach
  void setUp(SimulatedDay day) {
    this.day = day;
    this.influx = new InfluxQl(day.stack().influxUrl);
  }

  /** The first instant of the day in any unit's zone, and the last. */
  private long dayStart() {
    return units().stream().mapToLong(u -> presence(u).dayStartMs()).min().orElseThrow();
  }

  private long dayEnd() {
    return units().stream().mapToLong(u -> presence(u).dayEndMs()).max().orElseThrow();
  }

  private List<CityUnit> units() {
    return day.day().city().units();
  }

  private Presence presence(CityUnit u) {
    return day.truth().presence(u.unitId());
  }

  private long at(String localTime, String zone) {
    return day.date()
        .atTime(LocalTime.parse(localTime))
        .atZone(ZoneId.of(zone))
        .toInstant()
        .toEpochMilli();
  }

  // ------------------------------------------------------------------------ dashboards

  @Test
  void everyPanelQueryAndVariableAnswersRowsOnTheSimulatedDay() throws Exception {
    long now = System.currentTimeMillis();
    long from = dayStart() - Duration.ofDays(1).toMillis();
    List<String> problems = new ArrayList<>();
    int runs = 0;
    for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      Map<String, String> all = new LinkedHashMap<>();
      for (JsonNode v : d.variables()) {
        String name = v.path("name").asText();
        String q = InfluxQl.substitute(v.path("query").asText(), "", "", all);
        InfluxQl.Answer a = influx.run(q);
        runs++;
        List<String> found = new ArrayList<>();
        for (InfluxQl.Series s : a.series()) {
          int col = s.columns().indexOf("value");
          s.rows().forEach(r -> found.add(r.get(col).asText()));
        }
        if (a.error() != null)
          problems.add(d.title() + " / variable " + name + ": " + a.error() + ": " + q);
        else if (found.isEmpty())
          problems.add(d.title() + " / variable " + name + ": no values: " + q);
        else checkPersonal(d.title() + " / variable " + name, a, problems);
        values.put(name, found);
        all.put(name, InfluxQl.regexValue(found.isEmpty() ? List.of("none") : found));
      }
      for (JsonNode p : d.panels()) {
        long panelFrom = from;
        String timeFrom = p.path("timeFrom").asText("");
        if (!timeFrom.isEmpty()) {
          assertThat(timeFrom).matches("\\d+d");
          panelFrom = now - Duration.ofDays(Long.parseLong(timeFrom.replace("d", ""))).toMillis();
          assertThat(panelFrom)
              .as("%s / %s: the simulated day is in its range", d.title(), p.path("title"))
              .isLessThan(dayStart());
        }
        String timeFilter = InfluxQl.timeFilter(panelFrom, now);
        long minInterval = 10_000; // the data source's timeInterval
        String interval = InfluxQl.interval(now - panelFrom, minInterval);
        for (JsonNode t : p.path("targets")) {
          String name =
              d.title() + " / " + p.path("title").asText() + " / " + t.path("refId").asText();
          String query = t.path("query").asText();
          // Every variable at "All"
          String q = InfluxQl.substitute(query, timeFilter, interval, all);
          InfluxQl.Answer a = influx.run(q);
          runs++;
          if (a.error() != null) {
            problems.add(name + ": " + a.error() + ": " + q);
            continue;
          }
          if (a.empty()) problems.add(name + ": no rows with every variable at All: " + q);
          checkPersonal(name, a, problems);
          // Each variable it uses at each of its values (the others at All; a unit within its
          // region)
          for (String var : InfluxQl.variablesIn(query)) {
            boolean someRows = false;
            for (String value : values.getOrDefault(var, List.of())) {
              Map<String, String> one = new LinkedHashMap<>(all);
              one.put(var, InfluxQl.regexValue(List.of(value)));
              if (var.equals("region") && all.containsKey("unit")) {
                one.put("unit", InfluxQl.regexValue(unitsOf(d, value)));
              }
              String qv = InfluxQl.substitute(query, timeFilter, interval, one);
              InfluxQl.Answer av = influx.run(qv);
              runs++;
              if (av.error() != null)
                problems.add(name + " (" + var + "=" + value + "): " + av.error() + ": " + qv);
              else someRows |= !av.empty();
            }
            if (!someRows) problems.add(name + ": no rows for any single value of $" + var);
          }
        }
      }
    }
    System.err.printf("grafana: %d dashboard and variable queries run%n", runs);
    assertThat(problems)
        .as("queries that failed or answered nothing (dashboard / panel / query)")
        .isEmpty();
  }

  /** The units of a region, as the dashboard's unit variable lists them. */
  private List<String> unitsOf(GrafanaFiles.Dashboard d, String region) throws Exception {
    for (JsonNode v : d.variables()) {
      if (!v.path("name").asText().equals("unit")) continue;
      String q =
          InfluxQl.substitute(
              v.path("query").asText(),
              "",
              "",
              Map.of("region", InfluxQl.regexValue(List.of(region))));
      List<String> out = new ArrayList<>();
      for (InfluxQl.Series s : influx.run(q).series()) {
        int col = s.columns().indexOf("value");
        s.rows().forEach(r -> out.add(r.get(col).asText()));
      }
      return out.isEmpty() ? List.of("none") : out;
    }
    return List.of(".*");
  }

  /** No tag, column or value of an answer names a person, a device or a position. */
  private static void checkPersonal(String name, InfluxQl.Answer a, List<String> problems) {
    for (InfluxQl.Series s : a.series()) {
      for (String tag : s.tags().keySet()) {
        if (!GrafanaFilesTest.TAGS.contains(tag)) problems.add(name + ": answers tag " + tag);
      }
      for (String c : s.columns()) {
        if (GrafanaFilesTest.PERSONAL.matcher(c).find())
          problems.add(name + ": answers column " + c);
      }
      for (JsonNode row : s.rows()) {
        for (JsonNode v : row) {
          if (v.isTextual() && NIP.matcher(v.asText()).find()) {
            problems.add(name + ": answers a value like a NIP: " + v.asText());
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------------ alert rules

  private JsonNode rule(String uid) {
    return GrafanaFiles.alertRules().stream()
        .filter(r -> r.path("uid").asText().equals(uid))
        .findFirst()
        .orElseThrow();
  }

  private long dwellMs() throws Exception {
    JsonNode policy =
        Json.MAPPER.readTree(
            getClass().getResourceAsStream("/id/pantau/events/seed-policy.json").readAllBytes());
    return policy.path("breachDwellS").asLong() * 1000;
  }

  /** Units with a breach of {@code kind} open at {@code t}: held for the dwell, not ended yet. */
  private Set<String> openBreaches(String kind, long t, long dwell) {
    return day.truth().breaches().stream()
        .filter(b -> b.kind().equals(kind))
        .filter(b -> b.startMs() + dwell <= t && (b.endMs() == null || t < b.endMs()))
        .map(GroundTruth.Breach::unitId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theBreachRulesFireExactlyWhileTheGroundTruthHasABreachOpen() throws Exception {
    long dwell = dwellMs();
    for (String kind : List.of("OVER_CAP", "UNDER_FLOOR")) {
      JsonNode rule = rule(kind.equals("OVER_CAP") ? "pantau-over-cap" : "pantau-under-floor");
      // Every half hour of the day, and the middle of every breach of the kind while it is open
      TreeSet<Long> instants = new TreeSet<>();
      for (long t = dayStart(); t < dayEnd(); t += Duration.ofMinutes(30).toMillis())
        instants.add(t);
      for (GroundTruth.Breach b : day.truth().breaches()) {
        if (!b.kind().equals(kind)) continue;
        long end = b.endMs() == null ? dayEnd() : b.endMs();
        instants.add((b.startMs() + dwell + (end - b.startMs() - dwell) / 2) / 1000 * 1000);
      }
      int firing = 0, quietWithData = 0;
      List<String> wrong = new ArrayList<>();
      for (long t : instants) {
        AlertRuleEvaluation.Result r = AlertRuleEvaluation.evaluate(rule, t, influx);
        Set<String> expected = openBreaches(kind, t, dwell);
        Set<String> actual = r.firing("unit");
        if (!expected.equals(actual)) {
          wrong.add(Instant.ofEpochMilli(t) + ": expected " + expected + ", fired for " + actual);
        }
        if (!actual.isEmpty()) firing++;
        else if (!r.noData()) quietWithData++;
      }
      assertThat(wrong)
          .as("%s: evaluations that differ from the ground truth", rule.path("uid").asText())
          .isEmpty();
      assertThat(firing)
          .as("%s: evaluations that fire (the day holds such a breach)", kind)
          .isPositive();
      assertThat(quietWithData).as("%s: evaluations on data with nothing wrong", kind).isPositive();
    }
  }

  @Test
  void theAttendanceRuleFiresForUnitsUnderNinetyPercentOnceTheDeadlinePassed() throws Exception {
    JsonNode rule = rule("pantau-attendance-rate");
    Set<String> under =
        day.truth().counts().stream()
            .filter(c -> c.window().equals("ATTENDANCE") && c.expected() > 0 && c.rate() < 0.9)
            .map(GroundTruth.Count::unitId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(under).as("the day has a unit under 90 %%").isNotEmpty();

    // 13:00 WIB: every zone's 07:30 deadline passed less than 12 hours ago
    AlertRuleEvaluation.Result after =
        AlertRuleEvaluation.evaluate(rule, at("13:00", "Asia/Jakarta"), influx);
    assertThat(after.noData()).isFalse();
    assertThat(after.condition()).as("a value for every unit").hasSize(units().size());
    assertThat(after.firing("unit")).isEqualTo(under);

    // 05:00 WIT, before the first deadline of the day, and the next morning: nothing to judge
    for (long t :
        List.of(
            at("05:00", "Asia/Jayapura"),
            at("23:00", "Asia/Jakarta") + Duration.ofHours(10).toMillis())) {
      AlertRuleEvaluation.Result quiet = AlertRuleEvaluation.evaluate(rule, t, influx);
      assertThat(quiet.noData()).isTrue();
      assertThat(quiet.firing()).as("no deadline in the window: quiet").isEmpty();
    }
  }

  @Test
  void theFreshnessRuleFiresForASilentRegionAndWhenNothingIsWrittenAtAll() throws Exception {
    JsonNode rule = rule("pantau-occupancy-stale");
    Set<String> regions =
        units().stream().map(u -> u.region().id()).collect(Collectors.toCollection(TreeSet::new));

    // Noon in WIB: every region writes its minute points
    AlertRuleEvaluation.Result noon =
        AlertRuleEvaluation.evaluate(rule, at("12:00", "Asia/Jakarta"), influx);
    assertThat(
            noon.condition().keySet().stream()
                .map(l -> l.get("region"))
                .collect(Collectors.toSet()))
        .isEqualTo(regions);
    assertThat(noon.firing()).as("at noon: %s", noon.condition()).isEmpty();

    // Ten minutes after each region's last point (a replay writes a region's minutes up to the
    // end of its last fact's local day, so regions end at different times): that region fires,
    // and so does every region silent longer, while regions still writing do not
    Map<String, Long> last = new LinkedHashMap<>();
    for (InfluxQl.Series s :
        influx.run("SELECT last(\"present\") FROM \"occupancy\" GROUP BY \"region\"").series()) {
      last.put(s.tags().get("region"), s.rows().get(0).get(0).asLong());
    }
    assertThat(last.keySet()).isEqualTo(regions);
    long tenMinutes = Duration.ofMinutes(10).toMillis();
    long window = Duration.ofHours(6).toMillis();
    for (Map.Entry<String, Long> region : last.entrySet()) {
      long t = region.getValue() + tenMinutes;
      AlertRuleEvaluation.Result r = AlertRuleEvaluation.evaluate(rule, t, influx);
      Set<String> silent = new TreeSet<>(), writing = new TreeSet<>();
      last.forEach(
          (q, l) -> {
            if (l > t) writing.add(q);
            else if (l <= t - tenMinutes && l >= t - window + tenMinutes) silent.add(q);
          });
      assertThat(silent).contains(region.getKey());
      String when =
          String.format("at %s (last points %s): %s", Instant.ofEpochMilli(t), last, r.condition());
      assertThat(r.firing("region")).as(when).containsAll(silent).noneMatch(writing::contains);
    }

    // Seven hours later nothing is left in the window: NoData, which alerts
    AlertRuleEvaluation.Result gone =
        AlertRuleEvaluation.evaluate(
            rule, Collections.max(last.values()) + Duration.ofHours(7).toMillis(), influx);
    assertThat(gone.noData()).isTrue();
    assertThat(gone.firing()).hasSize(1);
  }
}

package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The Grafana provisioning under {@code grafana/} as files: the data source, the dashboard
 * provider, every dashboard, the alert rules, the contact point and the notification policy. What
 * needs data (every query answering rows, every rule firing when it should) is {@link
 * GrafanaProvisioningIT}.
 */
class GrafanaFilesTest {
  static final Set<String> MEASUREMENTS =
      Set.of("occupancy", "breach", "compliance", "daily", "deadletter");

  /** Tag keys a query may read or group by; none of them names a person, device or place. */
  static final Set<String> TAGS = Set.of("unit", "region", "kind", "window", "topic", "stage");

  /** Words that would name a person, a device or a position. */
  static final Pattern PERSONAL =
      Pattern.compile(
          "\\b(nip|nips|device\\w*|lat|lon|latitude|longitude|location|coord\\w*|accuracy\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  static final Set<String> TITLES =
      Set.of(
          "Okupansi langsung",
          "Pelanggaran kuota",
          "Kepatuhan presensi",
          "Tren pimpinan",
          "Kesehatan pipeline");

  /** The one provisioning file of a kind (datasources, dashboards). */
  private static Path onlyFile(String kind) {
    List<Path> files = GrafanaFiles.provisioning(kind);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** The one entry of the list that the one provisioning file of a kind holds. */
  private static JsonNode onlyEntry(String kind, String list) {
    JsonNode all = GrafanaFiles.yaml(onlyFile(kind)).path(list);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void theDataSourceIsInfluxQlOnPantauReadByAUserWhosePasswordComesFromTheEnvironment() {
    JsonNode ds = onlyEntry("datasources", "datasources");
    assertThat(ds.path("type").asText()).isEqualTo("influxdb");
    assertThat(ds.path("uid").asText()).isEqualTo(GrafanaFiles.DATASOURCE_UID);
    assertThat(ds.path("jsonData").path("dbName").asText()).isEqualTo("pantau");
    assertThat(ds.path("jsonData").path("httpMode").asText()).isEqualTo("POST");
    assertThat(ds.has("database")).as("`database` is deprecated: jsonData.dbName").isFalse();
    assertThat(ds.path("jsonData").has("version")).as("InfluxQL is the default").isFalse();
    assertThat(ds.path("user").asText()).isEqualTo("grafana");
    assertThat(ds.path("secureJsonData").path("password").asText())
        .isEqualTo(GrafanaFiles.ENV.get("GRAFANA_INFLUX_PASSWORD"));
    assertThat(ds.has("password")).as("a password only in secureJsonData").isFalse();
    String raw = GrafanaFiles.text(onlyFile("datasources"));
    assertThat(raw).containsPattern("password: \\$\\{?GRAFANA_INFLUX_PASSWORD}?\\s");
  }

  @Test
  void dashboardsAreReadFromFilesWithAFolderPerDirectory() {
    JsonNode p = onlyEntry("dashboards", "providers");
    assertThat(p.path("type").asText()).isEqualTo("file");
    assertThat(p.path("options").path("foldersFromFilesStructure").asBoolean()).isTrue();
    assertThat(p.path("options").path("path").asText()).startsWith("/");
    assertThat(p.has("folder") || p.has("folderUid"))
        .as("a folder name conflicts with foldersFromFilesStructure")
        .isFalse();
    for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
      assertThat(d.folder()).as("%s lies in a folder directory", d.file()).isNotEmpty();
    }
  }

  @Test
  void everyDashboardParsesWithAUniqueUidAndItsIndonesianTitle() {
    List<GrafanaFiles.Dashboard> all = GrafanaFiles.dashboards();
    assertThat(all)
        .extracting(GrafanaFiles.Dashboard::title)
        .containsExactlyInAnyOrderElementsOf(TITLES);
    Set<String> uids = new HashSet<>();
    for (GrafanaFiles.Dashboard d : all) {
      assertThat(uids.add(d.uid())).as("uid %s unique", d.uid()).isTrue();
      assertThat(d.uid()).matches("[a-z0-9-]{1,40}");
      assertThat(d.json().path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
      assertThat(d.json().has("__inputs")).as("%s: no import placeholders", d.title()).isFalse();
      assertThat(d.json().has("id") && !d.json().get("id").isNull())
          .as("%s: no database id", d.title())
          .isFalse();
      for (JsonNode p : d.panels()) {
        assertThat(p.path("title").asText())
            .as("%s: every panel has a title", d.title())
            .isNotBlank();
      }
    }
  }

  @Test
  void everyDataSourceReferenceResolvesToTheProvisionedUid() {
    List<String> wrong = new ArrayList<>();
    for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
      for (JsonNode ds : GrafanaFiles.named(d.json(), "datasource")) {
        if (!ds.path("uid").asText().equals(GrafanaFiles.DATASOURCE_UID)
            || !ds.path("type").asText().equals("influxdb")) {
          wrong.add(d.title() + ": " + ds);
        }
      }
      for (JsonNode p : d.panels()) {
        if (p.path("type").asText().equals("row")) continue;
        if (!p.has("datasource"))
          wrong.add(d.title() + " / " + p.path("title").asText() + ": none");
        for (JsonNode t : p.path("targets")) {
          if (!t.has("datasource")) {
            wrong.add(
                d.title() + " / " + p.path("title").asText() + " " + t.path("refId") + ": none");
          }
        }
      }
      for (JsonNode v : d.variables()) {
        if (v.path("type").asText().equals("query") && !v.has("datasource")) {
          wrong.add(d.title() + " variable " + v.path("name").asText() + ": none");
        }
      }
    }
    for (JsonNode r : GrafanaFiles.alertRules()) {
      for (JsonNode data : r.path("data")) {
        String uid = data.path("datasourceUid").asText();
        if (!uid.equals(GrafanaFiles.DATASOURCE_UID) && !uid.equals("__expr__")) {
          wrong.add("rule " + r.path("uid").asText() + ": " + uid);
        }
        JsonNode model = data.path("model").path("datasource");
        if (!model.isMissingNode() && !model.path("uid").asText().equals(uid)) {
          wrong.add("rule " + r.path("uid").asText() + " model: " + model);
        }
      }
    }
    assertThat(wrong)
        .as("data source references that are not %s", GrafanaFiles.DATASOURCE_UID)
        .isEmpty();
  }

  @Test
  void panelIdsAreUniqueAndNoPanelOverlapsAnotherOnTheGrid() {
    for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
      Set<Integer> ids = new HashSet<>();
      List<JsonNode> panels = d.panels();
      for (JsonNode p : panels) {
        assertThat(p.path("id").isInt())
            .as("%s: panel %s has an id", d.title(), p.path("title"))
            .isTrue();
        assertThat(ids.add(p.path("id").asInt()))
            .as("%s: panel id %s unique", d.title(), p.path("id"))
            .isTrue();
        JsonNode g = p.path("gridPos");
        assertThat(g.path("w").asInt())
            .as("%s / %s width", d.title(), p.path("title"))
            .isBetween(1, 24);
        assertThat(g.path("h").asInt())
            .as("%s / %s height", d.title(), p.path("title"))
            .isPositive();
        assertThat(g.path("x").asInt() + g.path("w").asInt())
            .as("%s / %s within 24 columns", d.title(), p.path("title"))
            .isLessThanOrEqualTo(24);
      }
      for (int i = 0; i < panels.size(); i++) {
        for (int j = i + 1; j < panels.size(); j++) {
          assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
              .as(
                  "%s: %s overlaps %s",
                  d.title(), panels.get(i).path("title"), panels.get(j).path("title"))
              .isFalse();
        }
      }
    }
  }

  static boolean overlap(JsonNode a, JsonNode b) {
    int ax = a.path("x").asInt(), ay = a.path("y").asInt(), aw = a.path("w").asInt();
    int ah = a.path("h").asInt();
    int bx = b.path("x").asInt(), by = b.path("y").asInt(), bw = b.path("w").asInt();
    int bh = b.path("h").asInt();
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
  }

  /** Every query of the dashboards and rules, named "dashboard / panel / refId". */
  static Map<String, String> allQueries() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
      for (JsonNode p : d.panels()) {
        for (JsonNode t : p.path("targets")) {
          out.put(
              d.title() + " / " + p.path("title").asText() + " / " + t.path("refId").asText(),
              t.path("query").asText());
        }
      }
      for (JsonNode v : d.variables()) {
        out.put(d.title() + " / variable " + v.path("name").asText(), v.path("query").asText());
      }
    }
    for (JsonNode r : GrafanaFiles.alertRules()) {
      AlertRuleEvaluation.queries(r)
          .forEach((ref, q) -> out.put("rule " + r.path("uid").asText() + " / " + ref, q));
    }
    return out;
  }

  private static final Pattern FROM =
      Pattern.compile("FROM\\s+((?:\"[^\"]+\"\\.)*\"[^\"]+\"|\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEY = Pattern.compile("WITH KEY = \"(\\w+)\"");

  /** The tags of every GROUP BY of a query (subqueries too), without time(…). */
  static List<String> groupedBy(String q) {
    List<String> tags = new ArrayList<>();
    for (int at = q.indexOf("GROUP BY "); at >= 0; at = q.indexOf("GROUP BY ", at + 1)) {
      int i = at + "GROUP BY ".length();
      int depth = 0;
      List<String> items = new ArrayList<>();
      StringBuilder item = new StringBuilder();
      for (; i < q.length(); i++) {
        char c = q.charAt(i);
        if (c == ')' && depth == 0) break; // the end of a subquery
        if (depth == 0 && (q.startsWith(" fill(", i) || q.startsWith(" tz(", i))) break;
        if (depth == 0 && (q.startsWith(" LIMIT", i) || q.startsWith(" ORDER", i))) break;
        if (c == '(') depth++;
        if (c == ')') depth--;
        if (c == ',' && depth == 0) {
          items.add(item.toString());
          item.setLength(0);
        } else {
          item.append(c);
        }
      }
      items.add(item.toString());
      for (String t : items) {
        String tag = t.trim();
        if (!tag.startsWith("time(")) tags.add(tag.replace("\"", ""));
      }
    }
    return tags;
  }

  @Test
  void everyQueryReadsOnlyPantausMeasurementsAndNamesNoPersonDeviceOrPlace() {
    List<String> wrong = new ArrayList<>();
    allQueries()
        .forEach(
            (name, q) -> {
              if (q.isBlank()) wrong.add(name + ": no query");
              Matcher personal = PERSONAL.matcher(q);
              if (personal.find()) wrong.add(name + ": names " + personal.group() + ": " + q);
              Matcher from = FROM.matcher(q);
              boolean any = false;
              while (from.find()) {
                any = true;
                String m = from.group(1);
                String measurement = m.substring(m.lastIndexOf('.') + 1).replace("\"", "");
                if (!MEASUREMENTS.contains(measurement)) wrong.add(name + ": reads " + m);
                if (measurement.equals("daily") && !m.equals("\"trends\".\"daily\"")) {
                  wrong.add(name + ": daily lives in the retention policy trends: " + m);
                }
              }
              if (!any && !q.contains("FROM (")) wrong.add(name + ": no measurement: " + q);
              Matcher key = KEY.matcher(q);
              while (key.find()) {
                if (!TAGS.contains(key.group(1)))
                  wrong.add(name + ": tag values of " + key.group(1));
              }
              for (String t : groupedBy(q)) {
                if (!TAGS.contains(t)) wrong.add(name + ": groups by " + t);
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void theGroupByReaderFindsTheTagsOfEveryGroupBy() {
    assertThat(
            groupedBy(
                "SELECT sum(\"h\") FROM (SELECT last(\"present\") AS \"h\" FROM \"occupancy\""
                    + " WHERE $timeFilter GROUP BY time($__interval), \"region\", \"unit\""
                    + " fill(previous)) WHERE $timeFilter GROUP BY time($__interval), \"region\""
                    + " fill(previous)"))
        .containsExactly("region", "unit", "region");
    assertThat(
            groupedBy(
                "SELECT x FROM m GROUP BY time(1d), \"window\" fill(none) tz('Asia/Jakarta')"))
        .containsExactly("window");
    assertThat(groupedBy("SELECT x FROM m WHERE $timeFilter GROUP BY \"nip\""))
        .containsExactly("nip");
  }

  @Test
  void everyPanelQueryIsLimitedToTheDashboardsTimeRange() {
    List<String> wrong = new ArrayList<>();
    allQueries()
        .forEach(
            (name, q) -> {
              if (!name.contains("/ variable ") && !q.contains("$timeFilter")) {
                wrong.add(name + ": no $timeFilter: " + q);
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void alertRulesAreCompleteUseNoDashboardVariablesAndLinkToTheirPanel() throws Exception {
    List<JsonNode> rules = GrafanaFiles.alertRules();
    assertThat(rules)
        .extracting(r -> r.path("uid").asText())
        .containsExactlyInAnyOrder(
            "pantau-over-cap",
            "pantau-under-floor",
            "pantau-attendance-rate",
            "pantau-occupancy-stale");
    Map<String, GrafanaFiles.Dashboard> dashboards = new java.util.HashMap<>();
    GrafanaFiles.dashboards().forEach(d -> dashboards.put(d.uid(), d));
    for (JsonNode r : rules) {
      String uid = r.path("uid").asText();
      assertThat(uid).hasSizeLessThanOrEqualTo(40);
      assertThat(r.path("title").asText()).isNotBlank();
      assertThat(r.path("_folder").asText()).as("%s: group folder", uid).isNotBlank();
      assertThat(r.path("noDataState").asText()).isIn("NoData", "Alerting", "OK");
      assertThat(r.path("execErrState").asText()).isIn("Error", "Alerting", "OK");
      assertThat(r.path("for").asText()).matches("\\d+[smh]");
      Set<String> refs = new TreeSet<>();
      r.path("data").forEach(d -> refs.add(d.path("refId").asText()));
      assertThat(refs).as("%s: condition", uid).contains(r.path("condition").asText());
      for (JsonNode d : r.path("data")) {
        JsonNode model = d.path("model");
        assertThat(model.path("refId").asText()).isEqualTo(d.path("refId").asText());
        if (d.path("datasourceUid").asText().equals("__expr__")) {
          assertThat(refs)
              .as("%s: expression input", uid)
              .contains(model.path("expression").asText());
          assertThat(model.path("type").asText()).isIn("reduce", "threshold");
        } else {
          assertThat(d.path("relativeTimeRange").path("from").asLong()).isPositive();
          String q = model.path("query").asText();
          assertThat(model.path("rawQuery").asBoolean()).isTrue();
          // After Grafana's expansion of the file: the macro is there, and nothing else with a $
          assertThat(q)
              .as("%s: $timeFilter survives the file's expansion ($$)", uid)
              .contains("$timeFilter");
          assertThat(InfluxQl.variablesIn(q)).as("%s: no dashboard variables", uid).isEmpty();
          assertThat(q).doesNotContain("$__interval");
        }
      }
      JsonNode a = r.path("annotations");
      assertThat(a.path("summary").asText()).as("%s: summary", uid).isNotBlank();
      assertThat(a.path("summary").asText())
          .as("%s: $labels survives the file's expansion ($$)", uid)
          .contains("$labels.");
      GrafanaFiles.Dashboard d = dashboards.get(a.path("__dashboardUid__").asText());
      assertThat(d).as("%s: linked dashboard", uid).isNotNull();
      assertThat(d.panels())
          .as("%s: linked panel", uid)
          .anyMatch(p -> p.path("id").asText().equals(a.path("__panelId__").asText()));
    }
  }

  @Test
  void theBreachRulesWaitTheSeedPolicysDwell() throws Exception {
    JsonNode policy =
        Json.MAPPER.readTree(
            getClass().getResourceAsStream("/id/pantau/events/seed-policy.json").readAllBytes());
    long dwell = policy.path("breachDwellS").asLong();
    for (JsonNode r : GrafanaFiles.alertRules()) {
      if (!Set.of("pantau-over-cap", "pantau-under-floor").contains(r.path("uid").asText()))
        continue;
      assertThat(r.path("data").get(0).path("relativeTimeRange").path("from").asLong())
          .as("%s: window = the dwell of the breach detector", r.path("uid").asText())
          .isEqualTo(dwell);
    }
  }

  @Test
  void alertsGoToAWebhookSignedWithASecretFromTheEnvironment() {
    List<Path> files = GrafanaFiles.provisioning("alerting");
    Set<String> receivers = new TreeSet<>();
    JsonNode webhook = null;
    for (Path f : files) {
      for (JsonNode cp : GrafanaFiles.yaml(f).path("contactPoints")) {
        receivers.add(cp.path("name").asText());
        for (JsonNode rc : cp.path("receivers")) {
          if (rc.path("type").asText().equals("webhook")) webhook = rc.path("settings");
        }
      }
    }
    assertThat(webhook).as("a webhook receiver").isNotNull();
    assertThat(webhook.path("url").asText()).isEqualTo(GrafanaFiles.ENV.get("GRAFANA_WEBHOOK_URL"));
    assertThat(webhook.path("httpMethod").asText()).isEqualTo("POST");
    JsonNode hmac = webhook.path("hmacConfig");
    assertThat(hmac.path("secret").asText())
        .isEqualTo(GrafanaFiles.ENV.get("GRAFANA_WEBHOOK_SECRET"));
    assertThat(hmac.path("header").asText()).isEqualTo("X-Grafana-Alerting-Signature");
    assertThat(hmac.path("timestampHeader").asText()).isEqualTo("X-Grafana-Alerting-Timestamp");

    List<JsonNode> policies = new ArrayList<>();
    for (Path f : files) GrafanaFiles.yaml(f).path("policies").forEach(policies::add);
    assertThat(policies).as("one notification policy tree").hasSize(1);
    List<String> used = new ArrayList<>();
    for (JsonNode r : GrafanaFiles.named(policies.get(0), "receiver")) used.add(r.asText());
    assertThat(used).isNotEmpty();
    assertThat(receivers).containsAll(used);
  }

  @Test
  void noSecretLiesInTheRepositoryAndEveryVariableIsDocumented() {
    String readme = GrafanaFiles.text(GrafanaFiles.grafana().resolve("README.md"));
    Set<String> named = new TreeSet<>();
    for (String kind : List.of("datasources", "dashboards", "alerting")) {
      for (Path f : GrafanaFiles.provisioning(kind)) {
        String raw = GrafanaFiles.text(f);
        named.addAll(GrafanaFiles.variables(raw));
        assertThat(raw)
            .as("%s: secrets and passwords come from the environment", f)
            .doesNotContainPattern("(?i)(password|secret):\\s*[^$\\s{]");
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(GrafanaFiles.ENV.keySet());
    for (String v : named) assertThat(readme).as("README names %s", v).contains(v);
  }

  /** The README's worked example of a signature is what HMAC-SHA256 gives. */
  @Test
  void theReadmesSignatureExampleIsRight() throws Exception {
    String readme = GrafanaFiles.text(GrafanaFiles.grafana().resolve("README.md"));
    Matcher m =
        Pattern.compile(
                "secret=(\\S+)\\s+timestamp=(\\d+)\\s+body='([^']*)'[\\s\\S]*?signature ([0-9a-f]{64})")
            .matcher(readme);
    assertThat(m.find())
        .as("README: a worked example (secret=, timestamp=, body=, signature)")
        .isTrue();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(m.group(1).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sig = mac.doFinal((m.group(2) + ":" + m.group(3)).getBytes(StandardCharsets.UTF_8));
    assertThat(m.group(4)).isEqualTo(HexFormat.of().formatHex(sig));
  }
}

package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import id.pantau.sim.CityUnit;
import id.pantau.sim.truth.GroundTruth;
import id.pantau.sim.truth.Presence;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compares what the pipeline wrote (InfluxDB, read over its HTTP API) and serves (dashboard-api)
 * with the {@link GroundTruth} of the simulated day, recording every comparison in {@link
 * Differences}.
 */
record TruthCheck(
    GroundTruth truth,
    Differences diffs,
    String influxUrl,
    String apiUrl,
    String kafkaBootstrap,
    String token,
    HttpClient http) {

  /**
   * Every comparison verify makes: occupancy, breaches, daily rollups, compliance, follow-ups, the
   * alerts about units, and the records written straight to Kafka ({@code foreign}) counted as dead
   * letters, each by the stage that must refuse it.
   */
  void all(ForeignRecords foreign) throws Exception {
    occupancy();
    breaches();
    daily();
    compliance();
    followups();
    new AlertsCheck(truth, diffs, kafkaBootstrap).unitAlerts();
    deadLetters(Topics.ATTENDANCE, "json-decoder", foreign.notJson());
    deadLetters(Topics.ATTENDANCE, "occupancy-tracker", foreign.unknownUnitCheckIns());
    deadLetters(Topics.ROSTERS, "compliance-tracker", foreign.unknownUnitRosters());
  }

  /** The simulated date, as the dashboard's {@code date} parameter takes it. */
  private String date() {
    return truth.day().date().toString();
  }

  /** Series of an InfluxQL query, grouped by the named tags: tag values joined by '|' → rows. */
  private Map<String, List<JsonNode>> query(String q, String... tags) throws Exception {
    JsonNode r =
        Verify.getJson(http, influxUrl + "/query?db=pantau&epoch=ms&q=" + Verify.enc(q), null);
    Map<String, List<JsonNode>> out = new TreeMap<>();
    JsonNode result = r.path("results").path(0);
    if (result.has("error")) throw new IllegalStateException("InfluxDB: " + result.get("error"));
    for (JsonNode s : result.path("series")) {
      List<String> key = new ArrayList<>();
      for (String t : tags) key.add(s.path("tags").path(t).asText());
      List<String> columns = new ArrayList<>();
      s.path("columns").forEach(c -> columns.add(c.asText()));
      List<JsonNode> rows = new ArrayList<>();
      for (JsonNode v : s.path("values")) {
        var row = id.pantau.events.Json.MAPPER.createObjectNode();
        for (int i = 0; i < columns.size(); i++) row.set(columns.get(i), v.get(i));
        rows.add(row);
      }
      out.put(String.join("|", key), rows);
    }
    return out;
  }

  private static Long num(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asLong();
  }

  private static Double dbl(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asDouble();
  }

  private static String at(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }

  /**
   * The dead letters of one topic and stage counted in the measurement `deadletter`, all minutes
   * together, against how many records verify wrote there that the jobs must refuse.
   */
  void deadLetters(String topic, String stage, long expected) throws Exception {
    List<JsonNode> rows =
        query(
                "SELECT sum(\"count\") AS n FROM deadletter WHERE topic = '"
                    + topic
                    + "' AND stage = '"
                    + stage
                    + "'")
            .getOrDefault("", List.of());
    Long counted = rows.isEmpty() ? Long.valueOf(0) : num(rows.get(0).get("n"));
    diffs.check("jobs: dead letters counted", topic + " " + stage, expected, counted);
  }

  /** Every point of each unit's date, and the value in force at every minute, against the truth. */
  void occupancy() throws Exception {
    long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
    for (CityUnit u : truth.day().city().units()) {
      Presence p = truth.presence(u.unitId());
      from = Math.min(from, p.dayStartMs());
      to = Math.max(to, p.dayEndMs());
    }
    Map<String, List<JsonNode>> series =
        query(
            "SELECT present, cap, \"floor\" FROM occupancy WHERE time >= "
                + (from - 86_400_000L)
                + "ms AND time < "
                + to
                + "ms GROUP BY unit",
            "unit");
    for (CityUnit u : truth.day().city().units()) {
      String id = u.unitId();
      Presence p = truth.presence(id);
      TreeMap<Long, JsonNode> points = new TreeMap<>();
      for (JsonNode row : series.getOrDefault(id, List.of()))
        points.put(row.get("time").asLong(), row);
      for (Map.Entry<Long, JsonNode> e : points.subMap(p.dayStartMs(), p.dayEndMs()).entrySet()) {
        long t = e.getKey();
        String what = id + " point at " + at(t);
        diffs.check(
            "occupancy: present at each point",
            what,
            (long) p.at(t),
            num(e.getValue().get("present")));
        diffs.check(
            "occupancy: cap at each point",
            what,
            (long) truth.cap(id, t),
            num(e.getValue().get("cap")));
        diffs.check(
            "occupancy: floor at each point",
            what,
            (long) truth.floor(id, t),
            num(e.getValue().get("floor")));
      }
      for (long m = p.dayStartMs(); m < p.dayEndMs(); m += 60_000) {
        String what = id + " minute " + at(m);
        if (!diffs.check("occupancy: a point at every minute", what, true, points.containsKey(m))) {
          var before = points.floorEntry(m);
          if (before == null) continue;
        }
        JsonNode row = points.floorEntry(m).getValue();
        diffs.check("occupancy: present per minute", what, (long) p.at(m), num(row.get("present")));
      }
    }
  }

  private boolean onTheSimulatedDate(String unitId, long timeMs) {
    for (CityUnit u : truth.day().city().units()) {
      if (!u.unitId().equals(unitId)) continue;
      Presence p = truth.presence(unitId);
      return timeMs >= p.dayStartMs() && timeMs < p.dayEndMs();
    }
    return true; // a unit the city does not have: always a difference
  }

  void breaches() throws Exception {
    Map<String, List<JsonNode>> series =
        query(
            "SELECT present, \"limit\", \"open\", duration_s FROM breach GROUP BY unit, kind",
            "unit",
            "kind");
    Map<String, JsonNode> actual = new HashMap<>();
    for (Map.Entry<String, List<JsonNode>> s : series.entrySet()) {
      for (JsonNode row : s.getValue())
        actual.put(s.getKey() + "|" + row.get("time").asLong(), row);
    }
    for (GroundTruth.Breach b : truth.breaches()) {
      String key = b.unitId() + "|" + b.kind() + "|" + b.startMs();
      String what = b.unitId() + " " + b.kind() + " from " + at(b.startMs());
      JsonNode row = actual.remove(key);
      if (row == null) {
        diffs.add(
            "breaches",
            what
                + ": missing in InfluxDB (ends "
                + (b.endMs() == null ? "open" : at(b.endMs()))
                + ")");
        continue;
      }
      diffs.check("breaches", what + " limit", (long) b.limit(), num(row.get("limit")));
      diffs.check(
          "breaches", what + " present (highest)", (long) b.worst(), num(row.get("present")));
      diffs.check("breaches", what + " open", b.endMs() == null, row.get("open").asBoolean());
      if (b.endMs() != null) {
        diffs.check(
            "breaches",
            what + " duration_s",
            (b.endMs() - b.startMs()) / 1000,
            num(row.get("duration_s")));
      }
    }
    for (Map.Entry<String, JsonNode> extra : actual.entrySet()) {
      String[] k = extra.getKey().split("\\|");
      // Only the simulated date is modelled. A replay's minute points run to the local midnight
      // after a unit's last fact, the next date's for a night crew checking out in the morning,
      // where an essential unit with nobody in at its opening is rightly under its floor.
      if (!onTheSimulatedDate(k[0], Long.parseLong(k[2]))) continue;
      diffs.add(
          "breaches",
          k[0]
              + " "
              + k[1]
              + " from "
              + at(Long.parseLong(k[2]))
              + ": not in the ground truth ("
              + extra.getValue()
              + ")");
    }
  }

  void daily() throws Exception {
    Map<String, List<JsonNode>> series =
        query("SELECT * FROM \"trends\".\"daily\" GROUP BY unit", "unit");
    for (GroundTruth.Daily d : truth.daily().values()) {
      long dayStart = truth.presence(d.unitId()).dayStartMs();
      JsonNode row = null;
      for (JsonNode r : series.getOrDefault(d.unitId(), List.of())) {
        if (r.get("time").asLong() == dayStart) row = r;
      }
      String what = d.unitId() + " " + date();
      if (row == null) {
        diffs.add("daily rollups", what + ": no daily point at " + at(dayStart));
        continue;
      }
      diffs.check(
          "daily rollups",
          what + " attendance_rate",
          d.attendanceRate(),
          dbl(row.get("attendance_rate")));
      diffs.check(
          "daily rollups",
          what + " wfh_compliance",
          d.wfhCompliance(),
          dbl(row.get("wfh_compliance")));
      diffs.check(
          "daily rollups",
          what + " peak_present",
          (long) d.peakPresent(),
          num(row.get("peak_present")));
      diffs.check(
          "daily rollups", what + " mean_present", d.meanPresent(), dbl(row.get("mean_present")));
      diffs.check(
          "daily rollups",
          what + " minutes_over_cap",
          d.minutesOverCap(),
          dbl(row.get("minutes_over_cap")));
      check(what + " attendance_expected", d.attendanceExpected(), row.get("attendance_expected"));
      check(what + " attendance_reported", d.attendanceReported(), row.get("attendance_reported"));
      check(what + " wfh_expected", d.wfhExpected(), row.get("wfh_expected"));
      check(what + " wfh_reported", d.wfhReported(), row.get("wfh_reported"));
      diffs.check(
          "daily rollups", what + " breaches", (long) d.breaches(), num(row.get("breaches")));
    }
  }

  /** A count of the daily rollup, left out of the point when the truth has none. */
  private void check(String what, Integer truth, JsonNode stored) {
    diffs.check("daily rollups", what, truth == null ? null : (long) truth, num(stored));
  }

  /** GET /api/v1/compliance?date: each unit's counts per window. */
  void compliance() throws Exception {
    JsonNode r = Verify.getJson(http, apiUrl + "/api/v1/compliance?date=" + date(), token);
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : r.path("rows"))
      rows.put(row.get("unit").asText() + "|" + row.get("window").asText(), row);
    for (GroundTruth.Count c : truth.counts()) {
      String what = c.unitId() + " " + c.window();
      JsonNode row = rows.remove(c.unitId() + "|" + c.window());
      if (row == null) {
        diffs.add("compliance (API)", what + ": no row");
        continue;
      }
      diffs.check(
          "compliance (API)", what + " expected", (long) c.expected(), num(row.get("expected")));
      diffs.check("compliance (API)", what + " onTime", (long) c.onTime(), num(row.get("onTime")));
      diffs.check("compliance (API)", what + " late", (long) c.late(), num(row.get("late")));
      diffs.check("compliance (API)", what + " missed", (long) c.missed(), num(row.get("missed")));
      diffs.check(
          "compliance (API)",
          what + " lateUpload",
          (long) c.lateUpload(),
          num(row.get("lateUpload")));
      diffs.check("compliance (API)", what + " pending", 0L, num(row.get("pending")));
      diffs.check("compliance (API)", what + " rate", c.rate(), dbl(row.get("rate")));
    }
    for (String extra : rows.keySet())
      diffs.add("compliance (API)", extra + ": not in the ground truth");
  }

  /**
   * GET /api/v1/units/{id}/followups?date: each employee's windows and location flags. The
   * dashboard API reads the check-in records from Kafka as they come, so right after the jobs
   * finish it may not have the last ones yet: each unit's follow-ups are read again until they
   * match or {@link #API_CATCH_UP} has passed for all units together, then compared.
   */
  void followups() throws Exception {
    Map<String, Map<String, GroundTruth.Followup>> byUnit = new TreeMap<>();
    for (GroundTruth.Followup f : truth.followups().values()) {
      byUnit.computeIfAbsent(f.unitId(), k -> new TreeMap<>()).put(f.nip(), f);
    }
    long deadline = System.nanoTime() + API_CATCH_UP.toNanos();
    for (CityUnit u : truth.day().city().units()) {
      String url = apiUrl + "/api/v1/units/" + u.unitId() + "/followups?date=" + date();
      AtomicReference<JsonNode> answer = new AtomicReference<>();
      Poll.until(
          Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
          () -> {
            answer.set(get(url));
            return followups(u, answer.get(), byUnit, new Differences(0)).none();
          });
      followups(u, answer.get(), byUnit, diffs);
    }
  }

  private static final Duration API_CATCH_UP = Duration.ofSeconds(30);

  private JsonNode get(String url) {
    try {
      return Verify.getJson(http, url, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + url, e);
    } catch (Exception e) {
      throw new IllegalStateException(url + ": " + e.getMessage(), e);
    }
  }

  /** Compares one unit's follow-ups as the API answered with the truth, into {@code diffs}. */
  private static Differences followups(
      CityUnit u,
      JsonNode r,
      Map<String, Map<String, GroundTruth.Followup>> byUnit,
      Differences diffs) {
    Map<String, GroundTruth.Followup> expected =
        new TreeMap<>(byUnit.getOrDefault(u.unitId(), Map.of()));
    for (JsonNode e : r.path("employees")) {
      String nip = e.get("nip").asText();
      GroundTruth.Followup f = expected.remove(nip);
      String what = u.unitId() + " " + nip;
      if (f == null) {
        diffs.add("follow-ups (API)", what + ": listed, not in the ground truth: " + e);
        continue;
      }
      Map<String, String> windows = new TreeMap<>();
      e.path("windows")
          .fields()
          .forEachRemaining(w -> windows.put(w.getKey(), w.getValue().path("status").asText()));
      TreeSet<String> flags = new TreeSet<>();
      e.path("flags").forEach(fl -> flags.add(fl.path("kind").asText()));
      for (String w : new TreeSet<>(f.windows().keySet())) {
        diffs.check(
            "follow-ups (API): window status",
            what + " " + w,
            f.windows().get(w),
            windows.remove(w));
      }
      for (String w : windows.keySet())
        diffs.add("follow-ups (API): window status", what + " " + w + ": not expected");
      diffs.check("follow-ups (API): location flags", what + " flags", f.flags(), flags);
    }
    for (GroundTruth.Followup f : expected.values()) {
      diffs.add(
          "follow-ups (API): window status",
          u.unitId()
              + " "
              + f.nip()
              + ": not listed (expected "
              + f.windows()
              + " "
              + f.flags()
              + ")");
    }
    return diffs;
  }
}

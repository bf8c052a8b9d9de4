package id.pantau.local.fuzz;

import id.pantau.api.Dashboard;
import id.pantau.api.DashboardConfig;
import id.pantau.events.Json;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.infra.Poll;
import id.pantau.ingest.Ingest;
import id.pantau.ingest.IngestConfig;
import id.pantau.local.StartedParts;
import id.pantau.sink.Retention;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;

/**
 * The real parts the fuzz runs against: a Kafka broker and influxd as child processes (from {@code
 * infra}), ingest and dashboard-api in this JVM on free loopback ports, with the run's tokens,
 * InfluxDB's retention policies as the jobs make them and a few points of every measurement so the
 * reads have rows to answer with. Stopped newest first.
 */
final class FuzzStack implements AutoCloseable {
  static final String DB = "pantau";
  private static final Duration READY = Duration.ofSeconds(90);

  private final StartedParts started = new StartedParts("fuzz");
  KafkaBroker kafka;
  InfluxServer influx;
  Ingest ingest;
  Dashboard dashboard;

  /** Starts every part (into {@code dir}) and waits until both services answer as ready. */
  static FuzzStack start(Path dir, Callers callers, long maxBodyBytes, int maxLines)
      throws Exception {
    FuzzStack s = new FuzzStack();
    try {
      s.kafka = s.keep(KafkaBroker.start(dir.resolve("kafka")));
      s.kafka.createPantauTopics(2);
      s.influx = s.keep(InfluxServer.start(dir.resolve("influxdb")));
      s.influx.createDatabase(DB);
      seed(s.influx.url(), Instant.now());
      IngestConfig config =
          IngestConfig.builder()
              .kafkaBootstrap(s.kafka.bootstrapServers())
              .host("127.0.0.1")
              .port(0)
              .maxBodyBytes(maxBodyBytes)
              .maxLines(maxLines)
              .build();
      s.ingest = s.keep(Ingest.start(config, callers.store));
      s.dashboard =
          s.keep(
              Dashboard.start(
                  new DashboardConfig(
                      s.influx.url(), DB, s.kafka.bootstrapServers(), "127.0.0.1", 0, null),
                  callers.store));
      s.awaitReady(callers);
      s.registerDevice(callers);
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T keep(T part) {
    return started.keep(part);
  }

  /** The device that signs some of the event posts, registered with the secret it brings. */
  private void registerDevice(Callers callers) throws IOException, InterruptedException {
    String body = Json.text(Map.of("unitId", Callers.DEVICE_UNIT, "secret", callers.deviceSecret));
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/devices/" + Callers.DEVICE))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + callers.token("admin"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(
          "registering the fuzz device answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  /** Ingest and the dashboard healthy, the follow-up record loaded. */
  private void awaitReady(Callers callers) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String admin = "Bearer " + callers.token("admin");
    String[][] probes = {
      {ingest.url() + "/v1/health", null},
      {dashboard.url() + "/api/v1/health", null},
      {dashboard.url() + "/api/v1/units/" + Callers.HEAD_UNIT + "/followups", admin},
    };
    for (String[] probe : probes) {
      boolean ready =
          Poll.until(
              READY,
              () -> {
                HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(probe[0])).timeout(Duration.ofSeconds(10));
                if (probe[1] != null) b.header("Authorization", probe[1]);
                try {
                  return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 200;
                } catch (IOException e) {
                  return false;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              });
      if (!ready) throw new IOException(probe[0] + " did not answer 200 within " + READY);
    }
  }

  /** The retention policies of the jobs and a few points of every measurement the API reads. */
  static void seed(String url, Instant now) {
    try (InfluxDB client = InfluxDBFactory.connect(url)) {
      for (String statement : Retention.statements(DB)) client.query(new Query(statement, DB));
      List<Point> raw = new ArrayList<>();
      List<Point> daily = new ArrayList<>();
      LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Jakarta"));
      for (int u = 0; u < Callers.UNITS.length; u++) {
        String unit = Callers.UNITS[u];
        String region = u % 2 == 0 ? Callers.REGION : Callers.OTHER_REGION;
        for (int m = 0; m < 60; m += 5) {
          raw.add(
              Point.measurement("occupancy")
                  .time(now.minusSeconds(60L * m).toEpochMilli(), TimeUnit.MILLISECONDS)
                  .tag("unit", unit)
                  .tag("region", region)
                  .addField("present", (long) (10 + m % 7))
                  .addField("headcount", 40L)
                  .addField("share", (10 + m % 7) / 40.0)
                  .addField("cap", 20L)
                  .addField("floor", 5L)
                  .build());
        }
        raw.add(
            Point.measurement("breach")
                .time(now.minusSeconds(3_600).toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag("unit", unit)
                .tag("region", region)
                .tag("kind", u % 2 == 0 ? "OVER_CAP" : "UNDER_FLOOR")
                .addField("present", 25L)
                .addField("limit", 20L)
                .addField("open", u % 2 == 0)
                .addField("duration_s", 600L)
                .build());
        raw.add(
            Point.measurement("compliance")
                .time(
                    today.atTime(7, 30).toInstant(ZoneOffset.ofHours(7)).toEpochMilli(),
                    TimeUnit.MILLISECONDS)
                .tag("unit", unit)
                .tag("region", region)
                .tag("window", "ATTENDANCE")
                .addField("expected", 40L)
                .addField("on_time", 30L)
                .addField("late", 5L)
                .addField("missed", 3L)
                .addField("late_upload", 1L)
                .addField("pending", 2L)
                .addField("rate", 0.875)
                .build());
        for (int d = 1; d <= 3; d++) {
          daily.add(
              Point.measurement(Retention.DAILY_MEASUREMENT)
                  .time(
                      today
                          .minusDays(d)
                          .atStartOfDay(ZoneOffset.ofHours(7))
                          .toInstant()
                          .toEpochMilli(),
                      TimeUnit.MILLISECONDS)
                  .tag("unit", unit)
                  .tag("region", region)
                  .addField("attendance_rate", 0.9)
                  .addField("wfh_compliance", 0.95)
                  .addField("peak_present", 27L)
                  .addField("mean_present", 13.5)
                  .addField("minutes_over_cap", 12L)
                  .addField("alerts", 3L)
                  .build());
        }
      }
      client.write(BatchPoints.database(DB).precision(TimeUnit.MILLISECONDS).points(raw).build());
      client.write(
          BatchPoints.database(DB)
              .retentionPolicy(Retention.TRENDS)
              .precision(TimeUnit.MILLISECONDS)
              .points(daily)
              .build());
    }
  }

  /** Stops what was started, newest first. */
  @Override
  public void close() {
    started.close();
  }
}

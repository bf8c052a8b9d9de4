package id.pantau.jobs;

import id.pantau.caps.Breach;
import id.pantau.caps.BreachLines;
import id.pantau.caps.OccupancyStatus;
import id.pantau.caps.StatusLines;
import id.pantau.compliance.ComplianceCount;
import id.pantau.compliance.ComplianceLines;
import id.pantau.compliance.WindowResult;
import id.pantau.daily.DailyLines;
import id.pantau.daily.DailyRollup;
import id.pantau.events.Alert;
import id.pantau.events.DeadLetter;
import id.pantau.sink.InfluxConfig;
import id.pantau.sink.InfluxSink;
import id.pantau.sink.Retention;
import org.apache.flink.api.connector.sink2.Sink;

/** Every sink the jobs write; `main` passes InfluxDB and Kafka. */
public record JobSinks(
    Sink<OccupancyStatus> occupancy,
    Sink<Breach> breaches,
    Sink<ComplianceCount> compliance,
    Sink<DailyRollup> daily,
    Sink<WindowResult> checkins,
    Sink<Alert> alerts,
    Sink<DeadLetter> deadLetters,
    Sink<DeadLetterCount> deadLetterCounts) {

  public static JobSinks real(JobsConfig cfg) {
    InfluxConfig influx =
        InfluxConfig.of(cfg.influxUrl(), cfg.influxDb(), cfg.sinkBatchSize(), cfg.sinkFlushMs())
            .withLogin(cfg.influxUser(), cfg.influxPassword())
            .withMaxPointsPerSecond(cfg.influxMaxPointsPerS());
    return new JobSinks(
        new InfluxSink<>(influx, StatusLines::encode),
        new InfluxSink<>(influx, BreachLines::encode),
        new InfluxSink<>(influx, ComplianceLines::encode),
        new InfluxSink<>(influx.withRetentionPolicy(Retention.TRENDS), DailyLines::encode),
        KafkaIo.checkins(cfg),
        KafkaIo.alerts(cfg),
        KafkaIo.deadLetters(cfg),
        new InfluxSink<>(influx, DeadLetterLines::encode));
  }
}

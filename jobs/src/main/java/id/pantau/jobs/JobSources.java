package id.pantau.jobs;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import org.apache.flink.api.connector.source.Source;

/** Every source the jobs read; `main` passes Kafka, a test may pass what it needs. */
public record JobSources(
    Source<Parsed<AttendanceEvent>, ?, ?> attendance,
    Source<Parsed<LocationPing>, ?, ?> locations,
    Source<Parsed<Unit>, ?, ?> units,
    Source<Parsed<Exposure>, ?, ?> exposures,
    Source<Parsed<RosterEntry>, ?, ?> rosters,
    Source<Parsed<ZoneChange>, ?, ?> zones,
    Source<Parsed<Policy>, ?, ?> policies,
    Source<Parsed<Region>, ?, ?> regions) {

  /** The topics, read to their end offsets at start and then finished when {@code bounded}. */
  public static JobSources kafka(JobsConfig cfg) {
    return kafka(cfg, cfg.bounded());
  }

  /**
   * A replay that runs until it is stopped: the bounded replay's rules (event time alone, times
   * judged by their receipt, facts waiting for their unit until the input ends), read from topics
   * that may still grow. A stop-with-savepoint --drain ends its input as the end offsets end a
   * bounded replay's, so a day replayed in two runs, a savepoint between them, ends as one run.
   */
  public static JobSources replayUntilStopped(JobsConfig cfg) {
    if (!cfg.bounded()) {
      throw new IllegalArgumentException(
          "replayUntilStopped: needs a replay's settings (asBounded)");
    }
    return kafka(cfg, false);
  }

  private static JobSources kafka(JobsConfig cfg, boolean stopAtEnd) {
    return new JobSources(
        KafkaIo.attendance(cfg, stopAtEnd),
        KafkaIo.locations(cfg, stopAtEnd),
        KafkaIo.units(cfg, stopAtEnd),
        KafkaIo.exposures(cfg, stopAtEnd),
        KafkaIo.rosters(cfg, stopAtEnd),
        KafkaIo.zones(cfg, stopAtEnd),
        KafkaIo.policies(cfg, stopAtEnd),
        KafkaIo.regions(cfg, stopAtEnd));
  }
}

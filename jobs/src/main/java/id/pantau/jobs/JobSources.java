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

  public static JobSources kafka(JobsConfig cfg) {
    return new JobSources(
        KafkaIo.attendance(cfg),
        KafkaIo.locations(cfg),
        KafkaIo.units(cfg),
        KafkaIo.exposures(cfg),
        KafkaIo.rosters(cfg),
        KafkaIo.zones(cfg),
        KafkaIo.policies(cfg),
        KafkaIo.regions(cfg));
  }
}

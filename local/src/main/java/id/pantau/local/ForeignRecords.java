package id.pantau.local;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Source;
import id.pantau.events.Topics;
import id.pantau.events.WorkMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records another producer could write straight to Kafka, bypassing ingest, that the jobs must
 * dead-letter and count in `deadletter`: bytes that are not JSON (the source refuses them), and
 * check-ins and a roster of a unit nobody registered (the occupancy and check-in trackers refuse
 * them when the input ends, each dated by its own time, so a replay counts them in the same
 * minutes). How many of each were written.
 */
record ForeignRecords(int notJson, int unknownUnitCheckIns, int unknownUnitRosters) {
  /** Nothing written: the jobs must count no dead letter. */
  static final ForeignRecords NONE = new ForeignRecords(0, 0, 0);

  /** Records no decoder can read. */
  static final List<String> NOT_JSON = List.of("not json", "{\"type\": \"attendance\"", "[]");

  static final String UNKNOWN_UNIT = "unit-nobody-registered";
  static final String NIP = "199001012020011999";

  /** Two check-ins in one minute and one in another, WIB, on the simulated date. */
  static final List<LocalTime> CHECK_INS =
      List.of(LocalTime.of(9, 0), LocalTime.of(9, 0, 30), LocalTime.of(10, 15));

  /** What {@link #write} writes. */
  static final ForeignRecords WRITTEN = new ForeignRecords(NOT_JSON.size(), CHECK_INS.size(), 1);

  /** Writes them all for {@code date} and waits for Kafka's acknowledgement of each. */
  static ForeignRecords write(String bootstrap, LocalDate date) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String record : NOT_JSON) {
        producer.send(new ProducerRecord<>(Topics.ATTENDANCE, record)).get();
      }
      for (int i = 0; i < CHECK_INS.size(); i++) {
        AttendanceEvent e = checkIn(date.atTime(CHECK_INS.get(i)).atOffset(ZoneOffset.ofHours(7)));
        e.eventId = "foreign-check-in-" + i;
        producer.send(new ProducerRecord<>(Topics.ATTENDANCE, UNKNOWN_UNIT, Json.text(e))).get();
      }
      RosterEntry r = new RosterEntry();
      r.nip = NIP;
      r.unitId = UNKNOWN_UNIT;
      r.date = date.toString();
      r.mode = RosterMode.WFO;
      producer.send(new ProducerRecord<>(Topics.ROSTERS, r.key(), Json.text(r))).get();
    }
    return WRITTEN;
  }

  /**
   * The minutes (epoch ms) each operator must count its dead letters in, by stage: the check-ins'
   * own times and where the roster's date starts first (UTC+14), whenever the jobs run.
   */
  static Map<String, Set<Long>> minutesByStage(LocalDate date) {
    Set<Long> checkIns = new TreeSet<>();
    for (LocalTime t : CHECK_INS) {
      long ms = date.atTime(t).atOffset(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();
      checkIns.add(ms - ms % 60_000);
    }
    long roster = date.atStartOfDay(ZoneOffset.ofHours(14)).toInstant().toEpochMilli();
    return Map.of("occupancy-tracker", checkIns, "compliance-tracker", Set.of(roster));
  }

  /** A kiosk check-in (no location, so no fix to judge), received as it happened. */
  private static AttendanceEvent checkIn(OffsetDateTime at) {
    AttendanceEvent e = new AttendanceEvent();
    e.nip = NIP;
    e.unitId = UNKNOWN_UNIT;
    e.action = Action.CHECK_IN;
    e.mode = WorkMode.WFO;
    e.source = Source.KIOSK;
    e.setTime(at.toString());
    e.receivedAt = e.timeMs;
    return e;
  }
}

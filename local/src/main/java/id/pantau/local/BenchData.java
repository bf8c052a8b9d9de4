package id.pantau.local;

import id.pantau.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A working day of a large region for the benchmark: units with their zones, and attendance in
 * event-time order (arrivals, field trips, departures) spread over 06:00–18:00 WIB.
 */
final class BenchData {
  static final int UNITS = 200;
  static final String REGION = "bench-region";
  final int staff;
  final LocalDate day = LocalDate.of(2026, 11, 23);

  BenchData(int staff) {
    this.staff = staff;
  }

  static String unitId(int u) {
    return "bench-unit-" + u;
  }

  String unitJson(int u) {
    return "{\"unitId\":\"%s\",\"name\":\"Unit %d\",\"region\":\"%s\",\"timeZone\":\"Asia/Jakarta\",\"headcount\":%d,\"essential\":%b,\"minPresent\":%d,\"effectiveFrom\":\"2026-11-01T00:00:00+07:00\"}"
        .formatted(unitId(u), u, REGION, staff / UNITS, u % 5 == 0, u % 5 == 0 ? 3 : 0);
  }

  /** The attendance event number i of n: time grows with i, each employee alternates in/out. */
  static String event(int i, int n, int staff, long dayStartMs, SplittableRandom rnd) {
    int nip = rnd.nextInt(staff);
    long t = dayStartMs + 6 * 3_600_000L + (long) i * (12 * 3_600_000L) / n;
    String action = rnd.nextInt(3) == 0 ? "CHECK_OUT" : "CHECK_IN";
    return "{\"type\":\"attendance\",\"eventId\":\"b%d\",\"nip\":\"19800101200001%04d\",\"unitId\":\"%s\",\"action\":\"%s\",\"mode\":\"WFO\",\"time\":\"%s\",\"source\":\"KIOSK\",\"receivedAt\":%d}"
        .formatted(
            i,
            nip % 10_000,
            unitId(nip % UNITS),
            action,
            Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(7)),
            t);
  }

  /** Loads units, a zone, and n attendance events; returns the seconds it took. */
  double load(String bootstrap, int n) throws Exception {
    long dayStart = day.atStartOfDay(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();
    long start = System.nanoTime();
    try (KafkaProducer<String, String> p = producer(bootstrap, "1")) {
      for (int u = 0; u < UNITS; u++)
        p.send(new ProducerRecord<>(Topics.UNITS, unitId(u), unitJson(u)));
      p.send(
          new ProducerRecord<>(
              Topics.ZONES,
              REGION + "@0",
              "{\"region\":\""
                  + REGION
                  + "\",\"level\":\"MEDIUM\",\"effectiveFrom\":\"2026-11-01T00:00:00+07:00\"}"));
      SplittableRandom rnd = new SplittableRandom(42);
      for (int i = 0; i < n; i++) {
        String e = event(i, n, staff, dayStart, rnd);
        p.send(
            new ProducerRecord<>(
                Topics.ATTENDANCE,
                e.substring(e.indexOf("\"nip\":\"") + 7, e.indexOf("\"nip\":\"") + 25),
                e));
        if (i > 0 && i % 1_000_000 == 0)
          System.err.printf("bench: loaded %,d of %,d events%n", i, n);
      }
      p.flush();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static KafkaProducer<String, String> producer(String bootstrap, String acks) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, acks);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}

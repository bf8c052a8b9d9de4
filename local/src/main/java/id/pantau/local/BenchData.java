package id.pantau.local;

import id.pantau.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A working day of a large region for the benchmark, in event-time order over 06:00–18:00 WIB:
 * units, a zone, a roster row per employee (WFO, WFH, PIKET, leave), check-ins and check-outs of
 * office staff (alternating, so field trips and lunch breaks show; half from the app with a
 * location and a device, half from kiosks), and location pings of staff working from home.
 */
final class BenchData {
  static final String REGION = "bench-region";
  static final String PROBE_UNIT = "bench-probe";
  static final ZoneOffset WIB = ZoneOffset.ofHours(7);
  final int staff;
  final int units;

  /** The day replayed: yesterday in WIB, so it is always a whole day in the past. */
  final LocalDate day = LocalDate.now(WIB).minusDays(1);

  BenchData(int staff, int units) {
    this.staff = staff;
    this.units = units;
  }

  static String unitId(int u) {
    return "bench-unit-" + u;
  }

  String unitJson(String id, int headcount, boolean essential) {
    return "{\"unitId\":\"%s\",\"name\":\"%s\",\"region\":\"%s\",\"timeZone\":\"Asia/Jakarta\",\"headcount\":%d,\"essential\":%b,\"minPresent\":%d,\"office\":{\"lat\":-6.2,\"lon\":106.8,\"radiusM\":300},\"effectiveFrom\":\"%sT00:00:00+07:00\"}"
        .formatted(id, id, REGION, headcount, essential, essential ? 3 : 0, day);
  }

  static String nip(int e) {
    String digits = Integer.toString(e);
    return "1980010120" + "00000000".substring(digits.length()) + digits;
  }

  int unitOf(int e) {
    return e % units;
  }

  /** 80% WFO, 12% WFH, 3% PIKET, 5% on leave: fixed per employee. */
  static String modeOf(int e) {
    int h = Math.floorMod(e * 0x9E3779B1, 100);
    return h < 80 ? "WFO" : h < 92 ? "WFH" : h < 95 ? "PIKET" : "LEAVE";
  }

  /** The old single-event generator, kept for ingest's load (its shape does not matter there). */
  static String event(int i, int n, int staff, long dayStartMs, SplittableRandom rnd) {
    int e = rnd.nextInt(staff);
    long t = dayStartMs + 6 * 3_600_000L + (long) i * (12 * 3_600_000L) / n;
    String action = rnd.nextInt(3) == 0 ? "CHECK_OUT" : "CHECK_IN";
    return "{\"type\":\"attendance\",\"eventId\":\"b%d\",\"nip\":\"%s\",\"unitId\":\"%s\",\"action\":\"%s\",\"mode\":\"WFO\",\"time\":\"%s\",\"source\":\"KIOSK\",\"receivedAt\":%d}"
        .formatted(i, nip(e), unitId(e % 200), action, Instant.ofEpochMilli(t).atOffset(WIB), t);
  }

  /** A record for Kafka: its topic, key and JSON value. */
  record Record(String topic, String key, String value) {}

  /** Generates the day's events one by one, each employee's in order. */
  final class Day {
    private final int n;
    private final long start;
    private final byte[] state = new byte[staff];
    private final SplittableRandom rnd = new SplittableRandom(42);
    private final StringBuilder sb = new StringBuilder(320);
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;
    private int i;

    Day(int n) {
      this.n = n;
      this.start = day.atStartOfDay(WIB).toInstant().toEpochMilli() + 6 * 3_600_000L;
    }

    /** The event number i of n at its time; staff on leave send nothing. */
    Record next() {
      return next("b", start + (long) i * (12 * 3_600_000L) / n);
    }

    Record next(long t) {
      return next("f", t);
    }

    /** An employee not on leave, checking in or pinging at {@code t}; IDs {@code prefix} + i. */
    private Record next(String prefix, long t) {
      int e;
      String mode;
      do {
        e = rnd.nextInt(staff);
        mode = modeOf(e);
      } while (mode.equals("LEAVE"));
      String id = prefix + i++;
      return mode.equals("WFH") ? ping(id, e, t) : attendance(id, e, mode, t);
    }

    private Record attendance(String id, int e, String mode, long t) {
      boolean in = (state[e]++ & 1) == 0;
      boolean app = (e & 1) == 0;
      String nip = nip(e);
      sb.setLength(0);
      sb.append("{\"type\":\"attendance\",\"eventId\":\"")
          .append(id)
          .append("\",\"nip\":\"")
          .append(nip)
          .append("\",\"unitId\":\"")
          .append(unitId(unitOf(e)))
          .append("\",\"action\":\"")
          .append(in ? "CHECK_IN" : "CHECK_OUT")
          .append("\",\"mode\":\"")
          .append(mode.equals("PIKET") ? "WFO" : mode)
          .append("\",\"time\":\"");
      time(t);
      sb.append("\",\"source\":\"").append(app ? "APP" : "KIOSK").append('"');
      if (app) {
        location(e);
        sb.append(",\"deviceId\":\"d").append(e).append('"');
      }
      sb.append(",\"receivedAt\":").append(t).append('}');
      return new Record(Topics.ATTENDANCE, nip, sb.toString());
    }

    private Record ping(String id, int e, long t) {
      String nip = nip(e);
      sb.setLength(0);
      sb.append("{\"type\":\"location\",\"eventId\":\"")
          .append(id)
          .append("\",\"nip\":\"")
          .append(nip)
          .append("\",\"unitId\":\"")
          .append(unitId(unitOf(e)))
          .append("\",\"time\":\"");
      time(t);
      sb.append('"');
      location(e);
      sb.append(",\"deviceId\":\"d").append(e).append("\",\"receivedAt\":").append(t).append('}');
      return new Record(Topics.LOCATION, nip, sb.toString());
    }

    private void location(int e) {
      double lat = -6.2 + (rnd.nextDouble() - 0.5) * 0.004;
      double lon = 106.8 + (rnd.nextDouble() - 0.5) * 0.004;
      sb.append(",\"location\":{\"lat\":")
          .append(Math.round(lat * 1e5) / 1e5)
          .append(",\"lon\":")
          .append(Math.round(lon * 1e5) / 1e5)
          .append(",\"accuracyM\":")
          .append(5 + (e % 40))
          .append('}');
    }

    /** yyyy-MM-ddTHH:mm:ss.SSS+07:00, the common shape phones send. */
    private void time(long t) {
      long second = Math.floorDiv(t, 1000);
      if (second != cachedSecond) {
        cachedSecond = second;
        cachedPrefix = LocalDateTime.ofEpochSecond(second, 0, WIB).toString();
        if (cachedPrefix.length() == 16) cachedPrefix += ":00";
      }
      int ms = (int) Math.floorMod(t, 1000);
      sb.append(cachedPrefix).append('.');
      if (ms < 100) sb.append('0');
      if (ms < 10) sb.append('0');
      sb.append(ms).append("+07:00");
    }
  }

  /** Units (and the freshness probe's unit), the zone, and a roster row per employee. */
  void loadReference(KafkaProducer<String, String> p) {
    for (int u = 0; u < units; u++) {
      String id = unitId(u);
      p.send(new ProducerRecord<>(Topics.UNITS, id, unitJson(id, staff / units, u % 5 == 0)));
    }
    p.send(new ProducerRecord<>(Topics.UNITS, PROBE_UNIT, unitJson(PROBE_UNIT, 1_000_000, false)));
    p.send(
        new ProducerRecord<>(
            Topics.ZONES,
            REGION + "@0",
            "{\"region\":\""
                + REGION
                + "\",\"level\":\"MEDIUM\",\"effectiveFrom\":\""
                + day
                + "T00:00:00+07:00\"}"));
    String date = day.toString();
    for (int e = 0; e < staff; e++) {
      String nip = nip(e);
      p.send(
          new ProducerRecord<>(
              Topics.ROSTERS,
              nip + "@" + date,
              "{\"nip\":\""
                  + nip
                  + "\",\"unitId\":\""
                  + unitId(unitOf(e))
                  + "\",\"date\":\""
                  + date
                  + "\",\"mode\":\""
                  + modeOf(e)
                  + "\"}"));
    }
  }

  /** Loads the reference data and n events; returns the seconds it took. */
  double load(String bootstrap, int n) throws Exception {
    return load(bootstrap, n, 0);
  }

  /** Not an event (not even JSON): what a producer other than ingest could write. */
  static final String POISON = "\u0000\ufffdpoison{";

  /**
   * The day as {@link #load(String, int)}, with a {@link #POISON} record on the same topic and key
   * after every {@code poisonEvery}-th event (0: none).
   */
  double load(String bootstrap, int n, int poisonEvery) throws Exception {
    long begin = System.nanoTime();
    try (KafkaProducer<String, String> p = producer(bootstrap, "1")) {
      loadReference(p);
      Day d = new Day(n);
      for (int i = 0; i < n; i++) {
        Record r = d.next();
        p.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
        if (poisonEvery > 0 && i % poisonEvery == poisonEvery - 1) {
          p.send(new ProducerRecord<>(r.topic(), r.key(), POISON));
        }
        if (i > 0 && i % 1_000_000 == 0) {
          double s = (System.nanoTime() - begin) / 1e9;
          System.err.printf("bench: loaded %,d of %,d events (%.0f s, %,.0f/s)%n", i, n, s, i / s);
        }
      }
      p.flush();
    }
    return (System.nanoTime() - begin) / 1e9;
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

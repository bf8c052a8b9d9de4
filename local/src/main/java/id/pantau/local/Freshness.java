package id.pantau.local;

import id.pantau.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Freshness at a steady rate: how long from an event's time until its effect is visible in
 * InfluxDB. Background events (time = now) go to Kafka at the steady rate; every `probeEveryMs` a
 * probe is one more check-in at the probe unit, whose `present` thus counts the probes. A poller
 * queries InfluxDB every `pollMs`: when it first sees present ≥ k, probe k is visible, and its
 * freshness is that wall time less the probe's event time (so it includes Kafka, the jobs, the
 * sink's batching and InfluxDB, and is late by at most one poll interval).
 */
final class Freshness {
  static final int PROBE_EVERY_MS = 50;
  static final int POLL_MS = 20;
  private static final long NOTE_EVERY_MS = 5_000;

  private final String bootstrap;
  private final InfluxDB influx;
  private final String db;
  private final BenchData data;
  private final List<Long> probeTimes = new ArrayList<>();
  private final List<Long> latencies = new ArrayList<>();
  final AtomicLong sent = new AtomicLong();

  Freshness(String bootstrap, InfluxDB influx, String db, BenchData data) {
    this.bootstrap = bootstrap;
    this.influx = influx;
    this.db = db;
    this.data = data;
  }

  /** The probe unit's latest present count in InfluxDB, 0 when none yet. */
  long visible() {
    QueryResult r =
        influx.query(
            new Query(
                "SELECT last(\"present\") FROM \"occupancy\" WHERE \"unit\"='"
                    + BenchData.PROBE_UNIT
                    + "'",
                db));
    if (r.hasError() || r.getResults().isEmpty()) return 0;
    var series = r.getResults().get(0).getSeries();
    if (series == null || series.isEmpty()) return 0;
    return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }

  private String probe(int k, long t) {
    String nip = "1999010120" + String.format("%08d", k);
    return "{\"type\":\"attendance\",\"eventId\":\"probe-"
        + k
        + "-"
        + t
        + "\",\"nip\":\""
        + nip
        + "\",\"unitId\":\""
        + BenchData.PROBE_UNIT
        + "\",\"action\":\"CHECK_IN\",\"mode\":\"WFO\",\"time\":\""
        + java.time.Instant.ofEpochMilli(t).atOffset(BenchData.WIB)
        + "\",\"source\":\"KIOSK\",\"receivedAt\":"
        + t
        + "}";
  }

  /**
   * Sends background events at `rate` per second and probes for `seconds`; the first `warmUp`
   * seconds' probes are not counted. Returns the latencies of the counted probes, in ms.
   */
  List<Long> run(int rate, int seconds, int warmUp) throws Exception {
    long base = visible();
    AtomicBoolean done = new AtomicBoolean();
    Thread poller = new Thread(() -> poll(base, done), "bench-freshness-poller");
    poller.setDaemon(true);
    poller.start();
    BenchData.Day day = data.new Day(1);
    long start = System.currentTimeMillis();
    long end = start + seconds * 1000L;
    int countFrom = -1;
    try (KafkaProducer<String, String> p = BenchData.producer(bootstrap, "1")) {
      long tick = start;
      long nextProbe = start;
      int k = 0;
      long due = 0;
      long nextNote = start + NOTE_EVERY_MS;
      while (tick < end) {
        long now = System.currentTimeMillis();
        if (now >= nextNote) {
          note(now - start, k);
          nextNote += NOTE_EVERY_MS;
        }
        due = (now - start) * rate / 1000;
        while (sent.get() < due) {
          BenchData.Record r = day.next(System.currentTimeMillis());
          p.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
          sent.incrementAndGet();
        }
        if (now >= nextProbe) {
          if (countFrom < 0 && now - start >= warmUp * 1000L) countFrom = k;
          long t = System.currentTimeMillis();
          synchronized (probeTimes) {
            probeTimes.add(t);
          }
          p.send(new ProducerRecord<>(Topics.ATTENDANCE, "probe-" + k, probe(k + 1, t)));
          k++;
          nextProbe += PROBE_EVERY_MS;
        }
        tick = System.currentTimeMillis();
        long sleep = Math.min(nextProbe, tick + 5) - tick;
        if (sleep > 0) Thread.sleep(sleep);
      }
    }
    // The last probes need a moment to show; wait for them with a deadline.
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      synchronized (latencies) {
        if (latencies.size() >= probeTimes.size()) break;
      }
      Thread.sleep(POLL_MS);
    }
    done.set(true);
    poller.join();
    synchronized (latencies) {
      int from = Math.max(0, countFrom);
      List<Long> counted =
          new ArrayList<>(latencies.subList(Math.min(from, latencies.size()), latencies.size()));
      int missing = probeTimes.size() - latencies.size();
      for (int i = 0; i < missing; i++) counted.add(Long.MAX_VALUE); // never seen: worst case
      return counted;
    }
  }

  /** A progress line: what was sent, and how many probes are seen and how late the last was. */
  private void note(long elapsedMs, int probes) {
    int seen;
    long last;
    synchronized (latencies) {
      seen = latencies.size();
      last = seen == 0 ? -1 : latencies.get(seen - 1);
    }
    System.err.printf(
        "bench: freshness: %d s, %,d events sent (%,.0f/s), %,d of %,d probes seen%s%n",
        elapsedMs / 1000,
        sent.get(),
        sent.get() * 1000.0 / elapsedMs,
        seen,
        probes,
        last < 0 ? "" : String.format(", the last %,d ms after its time", last));
  }

  private void poll(long base, AtomicBoolean done) {
    while (!done.get()) {
      try {
        long seen = visible() - base;
        long now = System.currentTimeMillis();
        synchronized (latencies) {
          synchronized (probeTimes) {
            while (latencies.size() < Math.min(seen, probeTimes.size())) {
              latencies.add(now - probeTimes.get(latencies.size()));
            }
          }
        }
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // influxd busy: the next poll tells
      }
    }
  }

  static double percentile(List<Long> values, double p) {
    if (values.isEmpty()) return Double.NaN;
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    long v = sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v;
  }
}

package id.pantau.jobs;

import id.pantau.events.DeadLetter;
import id.pantau.events.TimeBounds;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts dead letters per topic, stage and minute of their {@code at} (when the refused record
 * happened) and emits the minute's full count on every dead letter, so the sink rewrites one point
 * per topic, stage and minute (measurement `deadletter`, {@link DeadLetterLines}) and a replay
 * writes the same points with the same counts. Keyed by topic and stage.
 *
 * <p>A minute is kept until the watermark passes its end by {@code keepMs} (an event-time timer):
 * an operator dates a dead letter by the event that caused it, which may be as old as the oldest
 * event taken, and a replay makes some only when its input ends. A minute forgotten while its dead
 * letters still came would be rewritten with a partial count, so one that comes later still is left
 * uncounted (metric {@code deadLettersTooLateToCount}; it is on the dead-letter topic all the
 * same). State is one entry per minute that had dead letters.
 */
public final class DeadLetterCounter
    extends KeyedProcessFunction<String, DeadLetterCount, DeadLetterCount> {
  /**
   * How long a minute is kept. Live, the oldest event the time guard takes, plus a day (local
   * dates, the unit grace). A bounded replay keeps every minute until its input ends: its sources
   * end one by one, and the watermark of those still read (a zone planned for next month) may run
   * far past the day before an operator makes the dead letters it made only then.
   */
  public static long keepFor(JobsConfig cfg) {
    return cfg.bounded() ? Long.MAX_VALUE : cfg.timeBounds().maxAgeMs() + TimeBounds.DAY_MS;
  }

  private final long keepMs;
  private transient MapState<Long, Long> counts;
  private transient Counter tooLate;

  /**
   * @param keepMs how long after a minute ends (in event time) it is kept, {@link #keepFor}
   */
  public DeadLetterCounter(long keepMs) {
    if (keepMs < 0) throw new IllegalArgumentException("keepMs: must be 0 or more");
    this.keepMs = keepMs;
  }

  /** Counts {@code deadLetters} and writes the counts to {@code sink}. */
  public static void sink(
      DataStream<DeadLetter> deadLetters, Sink<DeadLetterCount> sink, long keepMs) {
    TypeInformation<DeadLetterCount> type = TypeInformation.of(DeadLetterCount.class);
    deadLetters
        .map(DeadLetterCount::of, type)
        .name("Dead letters to counts")
        .uid("dead-letter-marks")
        .keyBy(DeadLetterCount::series, Types.STRING)
        .process(new DeadLetterCounter(keepMs), type)
        .name("Dead letters per minute")
        .uid("dead-letter-counter")
        .sinkTo(sink)
        .name("Dead-letter counts to InfluxDB")
        .uid("dead-letter-count-sink");
  }

  @Override
  public void open(OpenContext context) {
    // The layout of before (minute → count, then kept by the wall clock): restored minutes go
    // at the series' next cleanup.
    counts = KeyedState.map(getRuntimeContext(), "minutes", Types.LONG, Types.LONG);
    tooLate = getRuntimeContext().getMetricGroup().counter("deadLettersTooLateToCount");
  }

  @Override
  public void processElement(DeadLetterCount c, Context ctx, Collector<DeadLetterCount> out)
      throws Exception {
    long forgetAt = forgetAt(c.minuteMs);
    if (forgetAt <= ctx.timerService().currentWatermark()) {
      tooLate.inc();
      return;
    }
    Long before = counts.get(c.minuteMs);
    long n = (before == null ? 0 : before) + c.count;
    counts.put(c.minuteMs, n);
    if (before == null) ctx.timerService().registerEventTimeTimer(forgetAt);
    out.collect(new DeadLetterCount(c.topic, c.stage, c.minuteMs, n));
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<DeadLetterCount> out) throws Exception {
    var it = counts.keys().iterator();
    while (it.hasNext()) {
      if (forgetAt(it.next()) <= t) it.remove();
    }
    if (counts.isEmpty()) counts.clear(); // no empty map left behind for the series
  }

  /** When a minute's count is forgotten: the watermark has passed its end by the keep. */
  private long forgetAt(long minuteMs) {
    long end = minuteMs + TimeBounds.MINUTE_MS;
    return end > Long.MAX_VALUE - keepMs ? Long.MAX_VALUE : end + keepMs;
  }
}

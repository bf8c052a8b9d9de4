package id.pantau.jobs;

import id.pantau.events.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts dead letters per topic, stage and minute (by each one's {@code at}) and emits the minute's
 * running count on every dead letter, so the sink rewrites one point per topic, stage and minute
 * (measurement `deadletter`, {@link DeadLetterLines}). Keyed by topic and stage; a minute is
 * forgotten {@link #KEEP_MS} after the newest minute seen, so state stays a few entries per series.
 */
public final class DeadLetterCounter
    extends KeyedProcessFunction<String, DeadLetterCount, DeadLetterCount> {
  /** How long a minute's count is kept behind the newest minute of its series. */
  static final long KEEP_MS = 10 * 60_000L;

  private transient MapState<Long, Long> counts;

  /** Counts {@code deadLetters} and writes the counts to {@code sink}. */
  public static void sink(DataStream<DeadLetter> deadLetters, Sink<DeadLetterCount> sink) {
    TypeInformation<DeadLetterCount> type = TypeInformation.of(DeadLetterCount.class);
    deadLetters
        .map(DeadLetterCount::of, type)
        .name("Dead letters to counts")
        .uid("dead-letter-marks")
        .keyBy(DeadLetterCount::series, Types.STRING)
        .process(new DeadLetterCounter(), type)
        .name("Dead letters per minute")
        .uid("dead-letter-counter")
        .sinkTo(sink)
        .name("Dead-letter counts to InfluxDB")
        .uid("dead-letter-count-sink");
  }

  @Override
  public void open(OpenContext context) {
    counts = KeyedState.map(getRuntimeContext(), "minutes", Types.LONG, Types.LONG);
  }

  @Override
  public void processElement(DeadLetterCount c, Context ctx, Collector<DeadLetterCount> out)
      throws Exception {
    Long before = counts.get(c.minuteMs);
    long n = (before == null ? 0 : before) + c.count;
    counts.put(c.minuteMs, n);
    var it = counts.keys().iterator();
    while (it.hasNext()) {
      if (it.next() < c.minuteMs - KEEP_MS) it.remove();
    }
    out.collect(new DeadLetterCount(c.topic, c.stage, c.minuteMs, n));
  }
}

package id.pantau.jobs;

import id.pantau.serial.EventTypes;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A source read with live watermarks, its dead letters split off to a side output. */
public final class Validated {
  /** Event time of a valid record; dead letters carry none. */
  public interface EventTime<T> extends java.io.Serializable {
    long of(T record);
  }

  private final StreamExecutionEnvironment env;
  private final JobsConfig cfg;

  /** Reads the sources of one job graph, with the watermarks of its configuration. */
  public Validated(StreamExecutionEnvironment env, JobsConfig cfg) {
    this.env = env;
    this.cfg = cfg;
  }

  /**
   * The valid records of a source; its operators are named after {@code uid} ("attendance":
   * "Attendance from Kafka", uid "attendance-source"; "Attendance validator",
   * "attendance-validator").
   */
  public <T> SingleOutputStreamOperator<T> read(
      Source<Parsed<T>, ?, ?> source, EventTime<T> time, Class<T> type, String uid) {
    return read(source, time, TypeInformation.of(type), uid);
  }

  /** With the valid records' Flink type given (a hand-written one, e.g. {@link EventTypes}). */
  public <T> SingleOutputStreamOperator<T> read(
      Source<Parsed<T>, ?, ?> source, EventTime<T> time, TypeInformation<T> type, String uid) {
    String name = Character.toUpperCase(uid.charAt(0)) + uid.substring(1);
    long ooo = cfg.maxOutOfOrderMs();
    // A bounded replay is event time only: a source that starts slowly (or stalls) must not have
    // its watermark pushed to the wall clock, which would make the whole replay late.
    long idle = cfg.bounded() ? 0 : cfg.idleAdvanceMs();
    boolean live = !cfg.bounded();
    WatermarkStrategy<Parsed<T>> watermarks =
        WatermarkStrategy.<Parsed<T>>forGenerator(
                ctx -> new LiveWatermarks<>(ooo, idle, System::currentTimeMillis, live))
            .withTimestampAssigner(
                (p, ts) -> p.value == null ? LiveWatermarks.NO_TIME : time.of(p.value));
    return env.fromSource(source, watermarks, name + " from Kafka")
        .uid(uid + "-source")
        .process(new SplitDeadLetters<T>(), type)
        .name(name + " validator")
        .uid(uid + "-validator");
  }
}

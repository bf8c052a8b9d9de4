package id.pantau.jobs;

import id.pantau.events.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes valid records on and sends the rest to the dead-letter side output. */
public final class SplitDeadLetters<T> extends ProcessFunction<Parsed<T>, T> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  @Override
  public void processElement(Parsed<T> p, Context ctx, Collector<T> out) {
    if (p.value != null) out.collect(p.value);
    else ctx.output(DEAD_LETTERS, p.deadLetter);
  }
}

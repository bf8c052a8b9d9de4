package id.pantau.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The sim's log lines (loggers under {@code id.pantau.sim}, INFO and up) while open, in {@link
 * #lines} (their messages) instead of on the console.
 */
final class CapturedLogs implements AutoCloseable {
  private static final String SIM = "id.pantau.sim";

  final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final AbstractAppender appender =
      new AbstractAppender("captured-sim-logs", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          lines.add(event.getMessage().getFormattedMessage());
        }
      };

  CapturedLogs() {
    appender.start();
    LoggerConfig sim = new LoggerConfig(SIM, Level.INFO, false);
    sim.addAppender(appender, null, null);
    context.getConfiguration().addLogger(SIM, sim);
    context.updateLoggers();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    config.removeLogger(SIM);
    context.updateLoggers();
    appender.stop();
  }
}

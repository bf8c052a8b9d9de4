package id.pantau.api.audit;

import id.pantau.events.Json;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audit record twice: as a JSON line to the SLF4J logger {@code pantau.audit} (the
 * log4j2 configuration sends it to its own file, PANTAU_AUDIT_LOG), and to the audit topic.
 */
public final class AuditLog implements AutoCloseable {
  /** The logger the audit file appender listens to. */
  public static final String LOGGER = "pantau.audit";

  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

  private final AuditProducer topic;

  AuditLog(AuditProducer topic) {
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  public void write(AuditRecord r) {
    AUDIT.info("{}", Json.text(r));
    topic.offer(r);
  }

  @Override
  public void close() {
    topic.close();
  }
}

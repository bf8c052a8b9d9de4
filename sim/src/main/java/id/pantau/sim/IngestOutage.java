package id.pantau.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A time ingest is not answering, as the {@link IngestClient} sees it: logged when it begins, every
 * 30 s while it lasts, and when it ends.
 */
final class IngestOutage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestOutage.class);
  private static final long LOG_EVERY_MS = 30_000;

  private final String base;
  private long since = -1;
  private long loggedAt = -1;

  IngestOutage(String base) {
    this.base = base;
  }

  /** A request ({@code what}) failed for {@code problem}, e.g. "HTTP 503", at {@code now} (ms). */
  void failed(String what, String problem, long now) {
    if (since < 0) {
      since = now;
      loggedAt = now;
      LOG.info("ingest not ready at {} ({}: {}); retrying", base, what, problem);
    } else if (now - loggedAt >= LOG_EVERY_MS) {
      loggedAt = now;
      LOG.warn("still waiting for ingest at {} ({}, {} s)", base, problem, (now - since) / 1000);
    }
  }

  /** Ingest answered. */
  void answered() {
    if (since >= 0) {
      LOG.info("ingest is answering at {}", base);
      since = -1;
    }
  }

  /** "connection refused", "timed out" …: why there was no answer. */
  static String describe(IOException e) {
    if (e instanceof ConnectException) return "connection refused";
    if (e instanceof HttpConnectTimeoutException) return "connect timed out";
    if (e instanceof HttpTimeoutException) return "timed out";
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}

package id.pantau.api.audit;

import id.pantau.access.Principal;
import id.pantau.api.session.Authentication;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step after every request: audits each refusal (401, 403, on any path) and each request of a
 * route that reads per-employee data, whatever its answer.
 */
public final class AuditStep {
  private static final Pattern UNIT_IN_PATH = Pattern.compile("/units/([^/]+)");

  private final AuditLog log;
  private final Predicate<Context> readsPersonalData;
  private final Clock clock;

  public AuditStep(AuditLog log, Predicate<Context> readsPersonalData, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.readsPersonalData = Objects.requireNonNull(readsPersonalData, "readsPersonalData");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void after(Context ctx) {
    int status = ctx.statusCode();
    if (status != 401 && status != 403 && !readsPersonalData.test(ctx)) return;
    Optional<Principal> caller = Authentication.caller(ctx);
    log.write(
        new AuditRecord(
            clock.instant().toString(),
            caller.map(Principal::name).orElse(AuditRecord.ANONYMOUS),
            caller.map(p -> p.role().name()).orElse(null),
            ctx.method().name() + " " + route(ctx),
            unit(ctx),
            status));
  }

  /** The route's template when one matched (no IDs in it), else the path. */
  private static String route(Context ctx) {
    try {
      var endpoint = ctx.endpoints().matchedHttpEndpoint();
      if (endpoint != null) return endpoint.path;
    } catch (RuntimeException e) {
      // no route matched: the path as asked
    }
    return ctx.path();
  }

  private static String unit(Context ctx) {
    try {
      Matcher m = UNIT_IN_PATH.matcher(ctx.path());
      if (m.find()) return clip(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      String q = ctx.queryParam("unit");
      return q == null || q.isBlank() ? null : clip(q.strip());
    } catch (IllegalArgumentException e) {
      return null; // a bad percent-escape: the refusal is audited without its unit
    }
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}

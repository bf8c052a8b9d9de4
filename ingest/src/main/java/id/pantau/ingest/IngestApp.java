package id.pantau.ingest;

import id.pantau.access.DeviceSignature;
import id.pantau.access.TokenStore;
import id.pantau.events.Json;
import id.pantau.ingest.device.DeviceHeaders;
import id.pantau.ingest.device.DeviceRegistry;
import id.pantau.web.JettyErrors;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of ingest. Every route is declared in {@link #routes}; each handler only turns the
 * request into a call of {@link IngestService} and its {@link IngestService.Reply} into a response.
 * Every error is JSON: {@code {"error": "…", "errors": ["field: reason", …]}}.
 */
public final class IngestApp {
  static final String ENDPOINTS =
      "POST /v1/events, PUT /v1/units/{unitId}, PUT /v1/units, PUT /v1/units/{unitId}/exposure,"
          + " PUT /v1/zones/{region}, PUT /v1/zones, PUT /v1/policies/{region}, PUT /v1/policies,"
          + " PUT /v1/regions/{region}, PUT /v1/regions, POST /v1/rosters,"
          + " PUT /v1/devices/{deviceId}, DELETE /v1/devices/{deviceId}, GET /v1/health";

  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

  private IngestApp() {}

  /** An unstarted app; {@code start()} binds config.host():config.port(). */
  public static Javalin create(IngestConfig config, EventPublisher publisher, TokenStore tokens) {
    return create(config, publisher, tokens, Clock.systemUTC());
  }

  static Javalin create(
      IngestConfig config, EventPublisher publisher, TokenStore tokens, Clock clock) {
    requireLoopbackWhenRelaxed(config);
    // Follows the units topic (for region scope checks of unit-keyed writes) while serving.
    UnitDirectory directory = new UnitDirectory(config.kafkaBootstrap());
    // Follows the devices topic (the keys of signed requests) while serving.
    DeviceRegistry devices = new DeviceRegistry(config.kafkaBootstrap());
    IngestService service = new IngestService(config, publisher, tokens, clock, directory, devices);
    // Jetty's own pool (as Javalin would make it), also where answers resume after Kafka's ack.
    QueuedThreadPool threads = new QueuedThreadPool(250, 8, 60_000);
    threads.setName("JettyServerThreadPool");
    Javalin[] self = new Javalin[1];
    Javalin app =
        Javalin.create(
            c -> {
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.jetty.threadPool = threads;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.http.prefer405over404 = true;
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              JettyErrors.install(
                  c,
                  "ingest",
                  (status, error) -> errorBody("HTTP " + status + ": " + error, List.of(error)));
              c.events.serverStarted(directory::start);
              c.events.serverStopped(directory::close);
              c.events.serverStarted(devices::start);
              c.events.serverStopped(devices::close);
              if (config.relaxDeviceAuth()) {
                c.events.serverStarted(() -> warnRelaxed(self[0]));
              }
              routes(c, service, threads);
            });
    self[0] = app;
    return app;
  }

  /** All routes, and the error mapping, in one place. */
  private static void routes(JavalinConfig c, IngestService service, Executor threads) {
    c.routes.post("/v1/events", ctx -> replyLater(ctx, service.postEvents(request(ctx)), threads));
    c.routes.put("/v1/units", handle(service::putUnits));
    c.routes.put("/v1/units/{unitId}", handle("unitId", service::putUnit));
    c.routes.put("/v1/units/{unitId}/exposure", handle("unitId", service::putExposure));
    c.routes.put("/v1/zones", handle(service::putZones));
    c.routes.put("/v1/policies", handle(service::putPolicies));
    c.routes.put("/v1/zones/{region}", handle("region", service::putZone));
    c.routes.put("/v1/policies/{region}", handle("region", service::putPolicy));
    c.routes.put("/v1/regions", handle(service::putRegions));
    c.routes.put("/v1/regions/{region}", handle("region", service::putRegion));
    c.routes.post("/v1/rosters", handle(service::postRosters));
    c.routes.put("/v1/devices/{deviceId}", handle("deviceId", service::putDevice));
    c.routes.delete("/v1/devices/{deviceId}", handle("deviceId", service::deleteDevice));
    c.routes.get("/v1/health", ctx -> reply(ctx, service.health()));

    c.routes.exception(IngestException.class, IngestApp::refused);
    c.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            error(ctx, e.getStatus(), httpReason(ctx, e.getStatus(), e.getMessage()), List.of()));
    c.routes.exception(Exception.class, IngestApp::failed);
    c.routes.error(404, ctx -> error(ctx, 404, httpReason(ctx, 404, null), List.of()));
    c.routes.error(405, ctx -> error(ctx, 405, httpReason(ctx, 405, null), List.of()));
  }

  /** A route the service answers from the request. */
  private static Handler handle(Function<IngestService.Request, IngestService.Reply> call) {
    return ctx -> reply(ctx, call.apply(request(ctx)));
  }

  /** A route the service answers from a path parameter and the request. */
  private static Handler handle(
      String pathParam, BiFunction<String, IngestService.Request, IngestService.Reply> call) {
    return ctx -> reply(ctx, call.apply(ctx.pathParam(pathParam), request(ctx)));
  }

  private static IngestService.Request request(Context ctx) {
    return new IngestService.Request(
        ctx.header("Authorization"),
        ctx.header("Content-Type"),
        max -> readBody(ctx, max),
        new DeviceHeaders(
            ctx.header(DeviceSignature.DEVICE_HEADER),
            ctx.header(DeviceSignature.TIMESTAMP_HEADER),
            ctx.header(DeviceSignature.SIGNATURE_HEADER)));
  }

  /**
   * Answers when the reply completes, on Jetty's pool: the completion comes on Kafka's producer
   * thread, which must not also write HTTP answers. The request's thread is free meanwhile.
   */
  private static void replyLater(
      Context ctx, CompletableFuture<IngestService.Reply> reply, Executor threads) {
    ctx.future(
        () ->
            reply.handleAsync(
                (r, error) -> {
                  Throwable e =
                      error instanceof CompletionException c && c.getCause() != null
                          ? c.getCause()
                          : error;
                  if (e == null) reply(ctx, r);
                  else if (e instanceof IngestException refusal) refused(refusal, ctx);
                  else failed(e, ctx);
                  return null;
                },
                threads));
  }

  private static void refused(IngestException e, Context ctx) {
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    error(ctx, e.status(), e.getMessage(), e.errors());
  }

  private static void failed(Throwable e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    error(ctx, 500, "ingest failed on this request: " + e, List.of());
  }

  private static void reply(Context ctx, IngestService.Reply reply) {
    ctx.status(reply.status()).contentType("application/json").result(Json.bytes(reply.body()));
  }

  private static void error(Context ctx, int status, String message, List<String> errors) {
    ctx.status(status).contentType("application/json").result(errorBody(message, errors));
  }

  /**
   * The body of every error, the routes' and Jetty's ({@link JettyErrors}): {@code {"error": "one
   * line", "errors": ["field: reason", …]}}.
   */
  private static byte[] errorBody(String message, List<String> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("errors", errors);
    return Json.bytes(body);
  }

  private static String httpReason(Context ctx, int status, String message) {
    return switch (status) {
      case 404 ->
          "no such endpoint: " + ctx.method() + " " + ctx.path() + "; ingest has " + ENDPOINTS;
      case 405 -> ctx.method() + " is not allowed on " + ctx.path() + "; ingest has " + ENDPOINTS;
      case 413 -> "the body is over the limit; split it";
      default -> message == null || message.isBlank() ? "HTTP " + status : message;
    };
  }

  /**
   * The body, at most maxBytes (413 past it, as declared by Content-Length or as read). Read from
   * the servlet stream so a chunked upload is bounded as well.
   */
  static byte[] readBody(Context ctx, long maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16);
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > maxBytes) {
        drain(in, maxBytes);
        throw tooLarge(maxBytes);
      }
      byte[] body = in.readNBytes(cap);
      if (body.length > maxBytes) {
        drain(in, maxBytes);
        throw tooLarge(maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }

  /**
   * Reads and drops the rest of a body that is somewhat over the limit, so the 413 goes out on a
   * connection that stays open: a server that closes with unread bytes resets the connection, and
   * the client may lose the answer before reading it. A body far over the limit is cut off.
   */
  private static void drain(InputStream in, long maxBytes) throws IOException {
    long bound = Math.min(4 * maxBytes, 32L << 20);
    byte[] scratch = new byte[8192];
    long read = 0;
    int n;
    while (read < bound && (n = in.read(scratch)) >= 0) read += n;
  }

  private static IngestException tooLarge(long maxBytes) {
    return IngestException.tooLarge(
        "the body is over the limit of " + maxBytes + " bytes; split it into smaller requests",
        "body: more than " + maxBytes + " bytes");
  }

  /** Relaxed device auth is for the local demo: refuse it on any address but loopback. */
  static void requireLoopbackWhenRelaxed(IngestConfig config) {
    if (!config.relaxDeviceAuth()) return;
    boolean loopback;
    try {
      loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "relaxed device auth (PANTAU_INGEST_RELAX_DEVICE_AUTH=true) lets anyone post events"
              + " without a token, so ingest serves it only on a loopback address, not on '"
              + config.host()
              + "': bind to 127.0.0.1 (PANTAU_INGEST_HOST=127.0.0.1) or turn relaxed auth off");
    }
  }

  /** One WARN line at start: a relaxed ingest must never go unnoticed. */
  private static void warnRelaxed(Javalin app) {
    LOG.warn(
        "ingest device auth is RELAXED (local demo only): POST /v1/events accepts UNSIGNED events"
            + " without a token on http://127.0.0.1:{} (loopback only);"
            + " never set PANTAU_INGEST_RELAX_DEVICE_AUTH outside the demo",
        app == null ? "?" : app.port());
  }
}

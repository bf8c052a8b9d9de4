package id.pantau.api;

import id.pantau.access.Principal;
import id.pantau.api.audit.Audit;
import id.pantau.api.audit.AuditAnswer;
import id.pantau.api.audit.AuditStep;
import id.pantau.api.hooks.Hooks;
import id.pantau.api.report.ReportCsv;
import id.pantau.api.report.ReportPage;
import id.pantau.api.report.WeeklyReport;
import id.pantau.api.session.Authentication;
import id.pantau.api.session.SessionCookie;
import id.pantau.api.session.SessionRoutes;
import id.pantau.api.session.Sessions;
import id.pantau.events.Json;
import id.pantau.web.JettyErrors;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.influxdb.InfluxDBIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of the dashboard: every route is declared in {@link #routes}, and each handler
 * only turns the request into a call of {@link DashboardServices} and its answer into a response.
 * Every route under /api needs a credential (a bearer token or the session cookie) unless it is
 * marked {@link Access#PUBLIC}; routes marked {@link Access#PERSONAL_DATA} are audited on every
 * read, and every refusal (401, 403) on any path.
 */
public final class DashboardApp {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);
  private static final String QUERY = "pantau.query";
  private static final String CSV = "text/csv; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  /** A report page loads nothing from anywhere: its styles and charts are inline. */
  private static final String REPORT_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  /**
   * Swagger UI runs its bundle and the page's own script from this server and fetches only
   * /openapi.json; its components set inline styles.
   */
  private static final String DOCS_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String EVENT_STREAM = "text/event-stream";
  private static final String UNIT_PAGE = page("/public/unit.html");

  /** The OpenAPI document of {@link #routes}, kept by hand beside them (OpenApiRoutesTest). */
  private static final String OPENAPI = page("/openapi.json");

  private static final String DOCS_PAGE = page("/docs/api-docs.html");

  /** Route marks read by the authentication step. */
  public enum Access implements RouteRole {
    /** Served without a credential. */
    PUBLIC,
    /** Names people: every request is audited. */
    PERSONAL_DATA
  }

  private final DashboardServices services;
  private final Authentication authentication;
  private final SessionRoutes session;
  private final Audit audit;
  private final AuditStep auditStep;

  private DashboardApp(
      DashboardServices services, Authentication authentication, Audit audit, AuditStep auditStep) {
    this.services = services;
    this.authentication = authentication;
    this.session = authentication.sessionRoutes();
    this.audit = audit;
    this.auditStep = auditStep;
  }

  /**
   * The configured, not yet started, server: bearer tokens by the authorizer, browser sessions in
   * {@code sessions} with their cookie, the audit trail in {@code audit}.
   */
  public static Javalin create(
      DashboardServices services,
      Authorizer authorizer,
      Sessions sessions,
      SessionCookie cookie,
      Audit audit,
      Clock clock) {
    AuditStep auditStep =
        new AuditStep(audit.log(), ctx -> ctx.routeRoles().contains(Access.PERSONAL_DATA), clock);
    Authentication authentication = new Authentication(authorizer, sessions, cookie);
    return Javalin.create(new DashboardApp(services, authentication, audit, auditStep)::configure);
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(Json.MAPPER.copy(), false));
    config.staticFiles.add("/public", Location.CLASSPATH);
    config.staticFiles.enableWebjars(); // the console's uPlot, from its jar: nothing from a CDN
    JettyErrors.install(
        config, "this API", (status, error) -> Json.bytes(new ApiException(status, error).body()));
    routes(config);
  }

  private void routes(JavalinConfig config) {
    var r = config.routes;
    r.before(this::screen);
    r.beforeMatched("/api/*", this::authenticate);
    r.beforeMatched("/reports/*", this::authenticate);
    r.after(auditStep::after);

    r.get("/units/{unitId}", DashboardApp::unitPage); // the console's unit page, same file for all
    r.get("/openapi.json", DashboardApp::openApi); // every route below, in openapi.json
    r.get("/api/docs", DashboardApp::apiDocs, Access.PUBLIC);

    r.get("/api/v1/health", this::health, Access.PUBLIC);
    r.post("/api/v1/session", session::signIn, Access.PUBLIC);
    r.get("/api/v1/session", session::current);
    r.delete("/api/v1/session", session::signOut);
    r.get("/api/v1/occupancy", this::occupancyNow);
    r.get("/api/v1/units/{unitId}/occupancy", jsonOrCsv(this::unitSeries));
    r.get("/api/v1/breaches", jsonOrCsv(this::breaches));
    r.get("/api/v1/compliance", jsonOrCsv(this::compliance));
    r.get("/api/v1/units/{unitId}/followups", jsonOrCsv(this::followUps), Access.PERSONAL_DATA);
    r.get("/api/v1/trends", jsonOrCsv(this::trends));
    r.get("/api/v1/alerts/stream", this::alertStream);
    r.get("/api/v1/hooks", ctx -> ctx.json(services.hooks().list(caller(ctx))));
    r.put("/api/v1/hooks/{name}", this::putHook);
    r.get("/api/v1/hooks/{name}", ctx -> ctx.json(services.hooks().get(caller(ctx), name(ctx))));
    r.delete("/api/v1/hooks/{name}", this::deleteHook);
    r.get(
        "/api/v1/hooks/{name}/deliveries",
        ctx -> ctx.json(services.hooks().deliveries(caller(ctx), name(ctx))));
    r.get("/reports/weekly", this::weeklyReport);
    r.get("/api/v1/audit", jsonOrCsv(this::audit));

    r.exception(ApiException.class, DashboardApp::apiError);
    r.exception(HttpResponseException.class, DashboardApp::javalinError);
    r.exception(InfluxDBIOException.class, DashboardApp::influxUnreachable);
    r.exception(Exception.class, DashboardApp::internalError);
  }

  // --- handlers -------------------------------------------------------------------------------

  /** The unit page: it reads the unit from its path and signs in like the board does. */
  private static void unitPage(Context ctx) {
    ctx.header("Cache-Control", "no-cache").html(UNIT_PAGE);
  }

  private static void openApi(Context ctx) {
    ctx.header("Cache-Control", "no-cache").contentType("application/json").result(OPENAPI);
  }

  private static void apiDocs(Context ctx) {
    ctx.header("Content-Security-Policy", DOCS_POLICY).header("Cache-Control", "no-cache");
    ctx.html(DOCS_PAGE);
  }

  private void health(Context ctx) {
    Health h = services.health();
    ctx.status(h.allUp() ? 200 : 503).json(h);
  }

  /** Answers already rendered, shared by the requests of a scope ({@link OccupancyAnswer}). */
  private void occupancyNow(Context ctx) {
    OccupancyAnswer answer = services.occupancyNow(caller(ctx));
    if (wantsCsv(ctx)) {
      ctx.contentType(CSV).result(answer.csv());
      return;
    }
    ctx.contentType(ContentType.APPLICATION_JSON).header("Vary", "Accept-Encoding");
    // Gzipped once per read; with Content-Encoding set, Javalin does not compress it again.
    if (OccupancyAnswer.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip").result(answer.gzippedJson());
    } else {
      ctx.result(answer.json());
    }
  }

  private UnitSeries unitSeries(Principal caller, Context ctx) {
    return services.unitSeries(
        caller, ctx.pathParam("unitId"), query(ctx, "from"), query(ctx, "to"), query(ctx, "step"));
  }

  private Breaches breaches(Principal caller, Context ctx) {
    return services.breaches(
        caller,
        query(ctx, "from"),
        query(ctx, "to"),
        query(ctx, "open"),
        query(ctx, "unit"),
        query(ctx, "kind"));
  }

  private Compliance compliance(Principal caller, Context ctx) {
    return services.compliance(
        caller, query(ctx, "date"), query(ctx, "unit"), query(ctx, "window"));
  }

  private FollowUps followUps(Principal caller, Context ctx) {
    return services.followUps(caller, ctx.pathParam("unitId"), query(ctx, "date"));
  }

  private Trends trends(Principal caller, Context ctx) {
    return services.trends(
        caller, query(ctx, "from"), query(ctx, "to"), query(ctx, "unit"), query(ctx, "region"));
  }

  /** The leadership report: a printable page, or {@code ?format=csv}. */
  private void weeklyReport(Context ctx) {
    String format = query(ctx, "format");
    boolean csv = format != null && format.equalsIgnoreCase("csv");
    if (!csv && format != null && !format.isBlank() && !format.equalsIgnoreCase("html")) {
      throw ApiException.badRequest(List.of("format: must be html or csv"));
    }
    WeeklyReport report =
        services.reports().weekly(caller(ctx), query(ctx, "region"), query(ctx, "week"));
    if (csv) {
      ctx.contentType(CSV).result(ReportCsv.render(report));
    } else {
      ctx.header("Content-Security-Policy", REPORT_POLICY)
          .contentType(HTML)
          .result(ReportPage.render(report));
    }
  }

  private AuditAnswer audit(Principal caller, Context ctx) {
    return audit.read(
        caller, query(ctx, "from"), query(ctx, "to"), query(ctx, "unit"), query(ctx, "who"));
  }

  /**
   * Server-sent events: the caller is checked before the stream opens (401/403/406 as JSON), then
   * the connection is held open and subscribed to the alert feed until either side closes it.
   */
  private void alertStream(Context ctx) {
    AlertStream stream = services.alertStream(caller(ctx));
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains(EVENT_STREAM)) {
      throw new ApiException(406, "Accept: must include " + EVENT_STREAM);
    }
    // An EventSource reconnecting sends the id of the last event it got: resume after it.
    String lastEventId = ctx.header("Last-Event-ID");
    new SseHandler(
            client -> {
              client.keepAlive();
              AlertFeed.Subscription subscription =
                  stream.open(new SseAlertSink(client), lastEventId);
              client.onClose(subscription::close);
            })
        .handle(ctx);
  }

  private void putHook(Context ctx) {
    Hooks.Saved saved = services.hooks().put(caller(ctx), name(ctx), ctx.bodyAsBytes());
    ctx.status(saved.created() ? 201 : 200).json(saved.hook());
  }

  private void deleteHook(Context ctx) {
    services.hooks().delete(caller(ctx), name(ctx));
    ctx.status(204);
  }

  private static String name(Context ctx) {
    return ctx.pathParam("name");
  }

  // --- translation helpers ----------------------------------------------------------------------

  /**
   * Before every request: no credential in a URL; a page (outside /api) learns its caller from the
   * session cookie, if any ({@link Authentication#caller}), and decides itself what to show.
   */
  private void screen(Context ctx) {
    Authentication.refuseCredentialsInUrl(name -> query(ctx, name));
    if (!ctx.path().startsWith("/api/")) authentication.learnCaller(ctx);
  }

  private void authenticate(Context ctx) {
    if (ctx.routeRoles().contains(Access.PUBLIC)) return;
    authentication.requireCaller(ctx);
  }

  /** A query parameter, decoded as UTF-8 whatever the Content-Type says ({@link QueryParams}). */
  private static String query(Context ctx, String name) {
    QueryParams q = ctx.attribute(QUERY);
    if (q == null) {
      q = QueryParams.parse(ctx.queryString());
      ctx.attribute(QUERY, q);
    }
    return q.first(name);
  }

  private static Principal caller(Context ctx) {
    return Authentication.requiredCaller(ctx);
  }

  /**
   * A handler answering what the caller reads as JSON, or as CSV with a header row for {@code
   * ?format=csv}.
   */
  private static Handler jsonOrCsv(BiFunction<Principal, Context, CsvAnswer> read) {
    return ctx -> {
      CsvAnswer answer = read.apply(caller(ctx), ctx);
      if (wantsCsv(ctx)) ctx.contentType(CSV).result(answer.csv());
      else ctx.json(answer);
    };
  }

  /** Whether {@code ?format} asks for CSV rather than JSON (absent, blank or json). */
  private static boolean wantsCsv(Context ctx) {
    String format = query(ctx, "format");
    if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) return false;
    if (format.equalsIgnoreCase("csv")) return true;
    throw ApiException.badRequest(List.of("format: must be json or csv"));
  }

  /** A resource of the class path as text (pages, openapi.json; the tests read the same way). */
  static String page(String resource) {
    try (InputStream in = DashboardApp.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + ": missing from the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static void apiError(ApiException e, Context ctx) {
    e.headers().forEach(ctx::header);
    ctx.status(e.status()).json(e.body());
  }

  /** Javalin's own refusals (no such endpoint, …) in the same JSON shape. */
  private static void javalinError(HttpResponseException e, Context ctx) {
    apiError(new ApiException(e.getStatus(), e.getMessage()), ctx);
  }

  private static void influxUnreachable(InfluxDBIOException e, Context ctx) {
    LOG.warn("InfluxDB unreachable: {}", e.getMessage());
    ctx.header("Retry-After", "5");
    apiError(new ApiException(503, "influxdb: unreachable"), ctx);
  }

  private static void internalError(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    apiError(new ApiException(500, "server: internal error"), ctx);
  }
}

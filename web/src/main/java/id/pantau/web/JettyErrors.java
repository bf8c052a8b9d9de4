package id.pantau.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives before a route is reached (a request line or header it cannot parse, a
 * URI or headers over its limits, an unknown HTTP version, an ambiguous path), in the service's
 * JSON shape instead of Jetty's HTML page, and always as a 4xx: these are the client's errors, so
 * an unsupported version (Jetty's 505) or transfer coding (501) is a 400 here. A method Javalin
 * cannot name (not upper-case letters, e.g. {@code get}) is a 405 before it reaches Javalin, which
 * would fail on it with a 500.
 *
 * <p>Each service gives its own {@link Body} (ingest: {@code {"error", "errors"}}, dashboard-api:
 * {@code {"status", "errors"}}) and how a refused method names it ("ingest", "this API"); the
 * statuses and reasons are the same for both.
 */
public final class JettyErrors {
  private static final String JSON = "application/json";

  private JettyErrors() {}

  /** The JSON body of an error answer in a service's shape. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param status the HTTP status answered
     * @param error the one reason, "field: reason"
     */
    byte[] of(int status, String error);
  }

  /**
   * Installs the error handler on the server and the method check in front of the routes.
   *
   * @param service how a refused method names the service: "'get' is not a method {service} serves"
   * @param body the service's error body
   */
  public static void install(JavalinConfig config, String service, Body body) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(body, "body");
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(body)));
    config.jetty.modifyServletContextHandler(
        context -> {
          context.setErrorHandler(new JsonErrorHandler(body));
          context.addFilter(
              new FilterHolder(new MethodFilter(service, body)),
              "/*",
              EnumSet.of(DispatcherType.REQUEST));
        });
  }

  /** The status to answer: Jetty's refusals of the request are the client's, so 4xx. */
  static int clientStatus(int status, Throwable cause) {
    return status >= 500 && cause instanceof HttpException ? 400 : status;
  }

  /** "field: reason" for one of Jetty's refusals. */
  static String reason(int status, String message) {
    String m = message == null || message.isBlank() ? "" : " (" + message + ")";
    return switch (status) {
      case 400 ->
          "request: not a valid HTTP/1.1 request" + m + "; check the request line and headers";
      case 404 -> "path: no such endpoint";
      case 405 -> "method: not allowed here" + m;
      case 413 -> "body: larger than the server takes" + m;
      case 414 ->
          "uri: longer than the server reads (8 KiB)" + m + "; send a shorter path and query";
      case 426 -> "version: only HTTP/1.0 and HTTP/1.1 are served" + m;
      case 431 ->
          "headers: larger than the server reads (8 KiB)" + m + "; send fewer, shorter headers";
      case 500 -> "server: internal error";
      case 501 -> "request: uses a feature the server does not implement" + m;
      case 505 -> "version: only HTTP/1.0 and HTTP/1.1 are served" + m;
      default -> "request: refused" + m;
    };
  }

  /** Jetty's error pages as the service's JSON, for every method (HEAD gets the headers only). */
  private static final class JsonErrorHandler extends ErrorHandler {
    private final Body body;

    JsonErrorHandler(Body body) {
      this.body = body;
    }

    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      int status = clientStatus(code, cause);
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
      response.write(true, ByteBuffer.wrap(body.of(status, reason(code, message))), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
      return ByteBuffer.wrap(body.of(status, reason(status, reason)));
    }
  }

  /** Refuses, as a JSON 405, a method Javalin cannot name. */
  private static final class MethodFilter implements Filter {
    private final String service;
    private final Body body;

    MethodFilter(String service, Body body) {
      this.service = service;
      this.body = body;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      String method = ((HttpServletRequest) req).getMethod();
      if (upperCaseLetters(method)) {
        chain.doFilter(req, res);
        return;
      }
      HttpServletResponse response = (HttpServletResponse) res;
      response.setStatus(405);
      response.setContentType(JSON);
      response
          .getOutputStream()
          .write(
              body.of(
                  405,
                  "method: '"
                      + clip(method)
                      + "' is not a method "
                      + service
                      + " serves (methods are upper case, e.g. GET)"));
    }

    private static boolean upperCaseLetters(String method) {
      if (method == null || method.isEmpty()) return false;
      for (int i = 0; i < method.length(); i++) {
        char c = method.charAt(i);
        if (c < 'A' || c > 'Z') return false;
      }
      return true;
    }

    private static String clip(String s) {
      return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
  }
}

package id.pantau.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request written verbatim to a socket (bytes java.net.http will not send: a lower-case method, a
 * bad request line, an unknown HTTP version), its answer read to the end of the connection.
 */
public record RawRequest(int status, String contentType, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sends the text as ISO-8859-1 (one byte a char) to 127.0.0.1:port; {host} becomes the host. */
  public static RawRequest send(int port, String wire) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(wire.replace("{host}", "127.0.0.1:" + port).getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = answer.indexOf("\r\n\r\n");
      if (end < 0) throw new IOException("no complete answer: " + answer);
      String head = answer.substring(0, end);
      String contentType = null;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring(line.indexOf(':') + 1).strip();
        }
      }
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new RawRequest(status, contentType, answer.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}

package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {
  private static List<String> texts(byte[] body, List<NdjsonLines.Line> lines) {
    return lines.stream()
        .map(l -> new String(body, l.offset(), l.length(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void numbersLinesFromOneCountingBlankLinesButSkippingThem() {
    byte[] body = "{\"a\":1}\n\n   \n{\"b\":2}\n{\"c\":3}".getBytes(StandardCharsets.UTF_8);
    List<NdjsonLines.Line> lines = NdjsonLines.split(body);
    assertThat(lines).extracting(NdjsonLines.Line::number).containsExactly(1, 4, 5);
    assertThat(texts(body, lines)).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
  }

  @Test
  void dropsCarriageReturnsAndATrailingNewline() {
    byte[] body = "{\"a\":1}\r\n{\"b\":2}\r\n".getBytes(StandardCharsets.UTF_8);
    List<NdjsonLines.Line> lines = NdjsonLines.split(body);
    assertThat(lines).extracting(NdjsonLines.Line::number).containsExactly(1, 2);
    assertThat(texts(body, lines)).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void dropsAByteOrderMarkAtTheStart() {
    byte[] body = "\uFEFF{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(texts(body, NdjsonLines.split(body))).containsExactly("{\"a\":1}");
  }

  @Test
  void anEmptyOrBlankBodyHasNoLines() {
    assertThat(NdjsonLines.split(new byte[0])).isEmpty();
    assertThat(NdjsonLines.split("\n \r\n\t\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}

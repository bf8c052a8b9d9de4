package id.pantau.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static long javaTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return Times.INVALID;
    }
  }

  @Test
  void theHandParsedShapeAgreesWithJavaTime() {
    List<String> samples =
        List.of(
            "2026-11-23T07:12:03+07:00",
            "2026-11-23T07:12:03.120+07:00",
            "2026-11-23T00:00:00Z",
            "2026-11-23T23:59:59.999Z",
            "2024-02-29T12:00:00+09:00",
            "1999-12-31T23:59:59-05:30",
            "2026-01-01T00:00:00+14:00",
            "2026-01-01T00:00:00-12:00",
            "2026-11-23T07:12:03+18:00");
    for (String s : samples) {
      assertEquals(javaTime(s), Times.parseCommon(s), s);
      assertEquals(javaTime(s), Times.parseEpochMs(s), s);
    }
  }

  @Test
  void anythingElseIsLeftToJavaTimeWhichDecides() {
    List<String> samples =
        List.of(
            "2026-02-29T07:12:03+07:00",
            "2026-11-31T07:12:03+07:00",
            "2026-13-01T07:12:03+07:00",
            "2026-11-23T24:00:00+07:00",
            "2026-11-23T07:60:00+07:00",
            "2026-11-23T07:12:03+19:00",
            "2026-11-23T07:12:03",
            "2026-11-23 07:12:03+07:00",
            "2026-11-23T07:12+07:00",
            "2026-11-23T07:12:03.5+07:00",
            "2026-11-23T07:12:03.123456+07:00",
            "2026-11-23T07:12:03+0700",
            "2026-11-23T07:12:03+07:00:00",
            "+2026-11-23T07:12:03+07:00",
            "2026-1a-23T07:12:03+07:00",
            "");
    for (String s : samples) assertEquals(javaTime(s), Times.parseEpochMs(s), s);
  }
}

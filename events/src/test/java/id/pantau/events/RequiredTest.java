package id.pantau.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredTest {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  @Test
  void plainIdsAreExactlyTheContractsPattern() {
    List<String> samples =
        List.of(
            "a",
            "198001012000011234",
            "bdg-unit-3",
            "unit_1.a:b-c",
            "-leading",
            ".x",
            "with space",
            "ümlaut",
            "a/b",
            "x".repeat(128),
            "x".repeat(129),
            "");
    for (String s : samples) assertEquals(ID.matcher(s).matches(), Required.isPlainId(s), s);
  }
}

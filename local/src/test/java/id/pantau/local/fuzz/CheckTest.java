package id.pantau.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckTest {
  static final FuzzRequest GET =
      FuzzRequest.of(
          FuzzRequest.Service.DASHBOARD,
          "x",
          "GET",
          "/api/v1/trends",
          List.of(),
          null,
          Set.of(200));

  static Answer answer(int status, String type, String body) {
    return new Answer(
        status,
        type == null ? Map.of() : Map.of("content-type", List.of(type)),
        body.getBytes(StandardCharsets.UTF_8),
        null);
  }

  @Test
  void a4xxNeedsAJsonBodyWithAReason() {
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"errors\":[\"x: y\"]}")))
        .isNull();
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"error\":\"x\"}"))).isNull();
    assertThat(Check.problem(GET, answer(400, "application/json", "{\"errors\":[]}")))
        .contains("without a reason");
    assertThat(Check.problem(GET, answer(414, "text/html", "<html>")))
        .contains("without a JSON body");
    assertThat(Check.problem(GET, answer(431, null, ""))).contains("without a JSON body");
  }

  @Test
  void a5xxABrokenConnectionAndAnUndocumented2xxFail() {
    assertThat(Check.problem(GET, answer(500, "application/json", "{\"errors\":[\"x\"]}")))
        .isEqualTo("a 500");
    assertThat(Check.problem(GET, Answer.broken(-1, "reset"))).isEqualTo("broken connection");
    assertThat(Check.problem(GET, answer(200, "application/json", "{}"))).isNull();
    assertThat(Check.problem(GET.spoiled("token"), answer(200, "application/json", "{}")))
        .contains("where none is documented");
    assertThat(Check.problem(GET, answer(302, null, ""))).contains("neither 2xx nor 4xx");
  }
}

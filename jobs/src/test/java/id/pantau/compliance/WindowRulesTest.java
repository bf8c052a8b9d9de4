package id.pantau.compliance;

import static id.pantau.compliance.ComplianceStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A window's status from its facts at a moment: the rules as a table (minutes of one morning). */
class WindowRulesTest {
  // The attendance window of the table: from 06:00, deadline 07:30, decided at 12:00 (minutes).
  static final DayPlan.Slot WINDOW =
      new DayPlan.Slot("ATTENDANCE", min(6 * 60), min(7 * 60 + 30), min(12 * 60), false, 0);

  @ParameterizedTest(name = "check-in at {0} (received {1}), asked at {2}: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // check-in, received, moment, status
        "-, -, 420, PENDING", // 07:00, nothing yet, before the deadline
        "-, -, 450, PENDING", // the deadline passed, not decided yet
        "-, -, 720, MISSED", // decided with nothing
        "430, 430, 420, PENDING", // a check-in before the deadline is asked about before it
        "430, 430, 450, ON_TIME",
        "460, 460, 450, PENDING", // 07:40: late, but the moment has not reached it
        "460, 460, 470, LATE",
        "460, 460, 720, LATE",
        "430, 800, 450, PENDING", // an offline phone: received after the decision, unknown before
        // it
        "430, 800, 720, LATE_UPLOAD",
        "300, 300, 720, MISSED", // before the window opened: does not count
        "721, 721, 800, MISSED", // after the decision: does not count
      })
  void decidesAWindowFromItsFactsAtAMoment(
      Integer checkIn, Integer received, int moment, ComplianceStatus expected) {
    List<Mark> facts =
        checkIn == null
            ? List.of()
            : List.of(new Mark("e1", min(checkIn), min(received), false, 0));
    Mark basis = WindowRules.basis(WINDOW, facts, min(moment));
    assertThat(WindowRules.status(WINDOW, basis, min(moment))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "check-ins at {0} (received {1}) and {2} (received {3}): rests on {4}")
  @CsvSource({
    "440, 440, 435, 435, 435", // the earliest on-time check-in
    "420, 800, 440, 440, 440", // one uploaded after the decision yields to one received in time
    "460, 460, 470, 470, 460", // the earliest late check-in
  })
  void restsOnTheEarliestFactThatCounts(int a, int aReceived, int b, int bReceived, int expected) {
    List<Mark> facts =
        List.of(
            new Mark("a", min(a), min(aReceived), false, 0),
            new Mark("b", min(b), min(bReceived), false, 0));
    assertThat(WindowRules.basis(WINDOW, facts, min(720)).timeMs).isEqualTo(min(expected));
  }

  @ParameterizedTest(name = "a ping at {0} does not count for the attendance window")
  @CsvSource({"430", "450"})
  void aPingIsNotACheckIn(int at) {
    Mark ping = new Mark("p", min(at), min(at), true, 0);
    assertThat(WindowRules.within(WINDOW, ping)).isFalse();
    Mark basis = WindowRules.basis(WINDOW, List.of(ping), min(720));
    assertThat(WindowRules.status(WINDOW, basis, min(720))).isEqualTo(MISSED);
  }

  private static long min(int minutes) {
    return minutes * 60_000L;
  }
}

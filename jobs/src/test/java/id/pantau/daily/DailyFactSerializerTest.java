package id.pantau.daily;

import static id.pantau.serial.SerializerRoundTrip.assertReadsBack;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.serial.Samples;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DailyFactSerializerTest {
  @Test
  void theFactHasNoFieldTheSerializerDoesNotWrite() {
    // A new field must be added to DailyFactSerializer (copy, serialize, deserialize) and here.
    assertThat(
            Arrays.stream(DailyFact.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .sorted())
        .containsExactly(
            "alertId",
            "cap",
            "date",
            "expected",
            "kind",
            "present",
            "region",
            "reported",
            "timeMs",
            "timeZone",
            "unitId",
            "window");
  }

  @Test
  void everyFieldSurvivesTheRoundTripAndTheCopy() throws IOException {
    DailyFact f = Samples.fact();
    assertReadsBack(DailyFactSerializer.INSTANCE, f);
    assertThat(DailyFactSerializer.INSTANCE.copy(f))
        .usingRecursiveComparison()
        .isEqualTo(f)
        .isNotSameAs(f);
  }

  @Test
  void nullsAndNoTimeStayAsTheyWere() throws IOException {
    DailyFact f = new DailyFact();
    assertReadsBack(DailyFactSerializer.INSTANCE, f);
    assertThat(roundTrip(DailyFactSerializer.INSTANCE, f).timeMs).isEqualTo(DailyFact.NO_TIME);
    assertThat(roundTrip(DailyFactSerializer.INSTANCE, f).cap).isNull();
  }
}

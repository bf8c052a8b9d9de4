package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one line-protocol builder every measurement is written with. */
class LineTest {
  @Test
  void writesTagsThenIntegerRealAndBooleanFieldsThenTheTime() {
    assertThat(
            Line.of("m")
                .tag("unit", "u1")
                .field("n", 3)
                .field("share", 0.5)
                .field("open", true)
                .at(60_000L))
        .isEqualTo("m,unit=u1 n=3i,share=0.5,open=true 60000");
  }

  @Test
  void escapesTagValuesSoNoInputForgesATag() {
    assertThat(Line.of("m").tag("unit", "a b,region=x").field("n", 1).at(1))
        .isEqualTo("m,unit=a\\ b\\,region\\=x n=1i 1");
    // Every measurement's tags go through tag(), a unit's too: no record of any forges a tag.
    assertThat(Line.ofUnit("m", "a b,window=LOC9", "r=1").field("n", 1).at(1))
        .isEqualTo("m,unit=a\\ b\\,window\\=LOC9,region=r\\=1 n=1i 1");
  }

  @Test
  void leavesOutWhatIsNotKnownAndKeepsTheTypeOfWhatIs() {
    Integer none = null;
    assertThat(
            Line.of("m")
                .tagIfKnown("region", null)
                .fieldIfKnown("cap", none)
                .fieldIfKnown("peak", 31)
                .fieldIfKnown("rate", 0.75)
                .at(2))
        .isEqualTo("m peak=31i,rate=0.75 2");
  }

  @Test
  void refusesATagAfterAField() {
    assertThatThrownBy(() -> Line.of("m").field("n", 1).tag("unit", "u"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unit");
  }
}

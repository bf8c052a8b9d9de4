package id.pantau.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinePointTest {
  @Test
  void namesThePointBySeriesAndTime() {
    LinePoint p = LinePoint.of("compliance,unit=a,window=1 expected=3i,on_time=2i 1700000000000");
    assertThat(p.point()).isEqualTo("compliance,unit=a,window=1 1700000000000");
    assertThat(p.fieldKeys()).containsExactly("expected", "on_time");
  }

  @Test
  void readsEscapedSpacesInTagsAndQuotedStringsInFields() {
    LinePoint p = LinePoint.of("m,unit=dinas\\ a kind=\"x, y=z\",n=1i 5");
    assertThat(p.point()).isEqualTo("m,unit=dinas\\ a 5");
    assertThat(p.fieldKeys()).containsExactly("kind", "n");
  }

  @Test
  void leavesALineWithoutTimestampAlone() {
    assertThat(LinePoint.of("m,unit=a v=1i")).isNull();
    assertThat(LinePoint.of("nonsense")).isNull();
  }

  @Test
  void aLaterLineCoversAnEarlierOneOnlyWithAllItsFields() {
    LinePoint both = LinePoint.of("m v=1i,w=2i 5");
    LinePoint one = LinePoint.of("m v=1i 5");
    assertThat(both.covers(one)).isTrue();
    assertThat(one.covers(both)).isFalse();
    assertThat(List.of(both.point(), one.point())).containsOnly("m 5");
  }
}

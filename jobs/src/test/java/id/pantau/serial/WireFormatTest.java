package id.pantau.serial;

import static id.pantau.serial.Samples.*;
import static id.pantau.serial.SerializerRoundTrip.assertReadsBack;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.caps.OccupancyStatus;
import id.pantau.caps.OccupancyStatusSerializer;
import id.pantau.daily.DailyFact;
import id.pantau.daily.DailyFactSerializer;
import id.pantau.jobs.Parsed;
import id.pantau.location.Fix;
import id.pantau.location.FixSerializer;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.occupancy.OccupancyUpdateSerializer;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The bytes each hand-written serializer writes, pinned: a change of a record's field list must not
 * change the format of the records already written (see jobs/README, State and savepoints).
 */
class WireFormatTest {
  static <T> String hex(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(value, out);
    return HexFormat.of().formatHex(out.getCopyOfBuffer());
  }

  @Test
  void theOccupancyRecordsKeepTheirBytes() throws IOException {
    assertThat(hex(OccupancyStatusSerializer.INSTANCE, status()))
        .isEqualTo(
            "070375310272000000000000ea60000000050000000a000000030000012c00000002000000010000000203"
                + "6e3100");
    assertThat(hex(OccupancyStatusSerializer.INSTANCE, new OccupancyStatus()))
        .isEqualTo("000000000000000000000000000000000000000000000000000000ffffffff");
    assertThat(hex(OccupancyUpdateSerializer.INSTANCE, update()))
        .isEqualTo(
            "1f03753102720d417369612f4a616b61727461000001a1ee565e000000000700000028000000030000000c"
                + "0000000200000002036e31036e32");
    assertThat(hex(OccupancyUpdateSerializer.INSTANCE, new OccupancyUpdate()))
        .isEqualTo("000000000000000000000000000000000000000000000000ffffffff");
  }

  @Test
  void theDailyFactsAndTheFixesKeepTheirBytes() throws IOException {
    assertThat(hex(DailyFactSerializer.INSTANCE, fact()))
        .isEqualTo(
            "0106434f554e5403553105333137310b323032352d30332d30330b617474656e64616e636504413a310d41"
                + "7369612f4a616b6172746100000000000004d2000000070000000a0000000900000032");
    assertThat(hex(DailyFactSerializer.INSTANCE, new DailyFact()))
        .isEqualTo("00000000000000008000000000000000000000000000000000000000");
    assertThat(hex(FixSerializer.INSTANCE, fix()))
        .isEqualTo(
            "0d034e310355310364310365310000000000000063c018cccccccccccd405ab333333333334029000000"
                + "000000");
    assertThat(hex(FixSerializer.INSTANCE, new Fix()))
        .isEqualTo("0000000000000000000000000000000000000000000000000000000000");
  }

  @Test
  void theEventsInFlightKeepTheirBytes() throws IOException {
    assertThat(hex(EventTypes.AttendanceSerializer.INSTANCE, attendance()))
        .isEqualTo(
            "0b617474656e64616e6365036531034e3103553102021a323032352d30332d30335430383a30303a3030"
                + "2b30373a30303fc018cccccccccccd405ab333333333334029000000000000036431030100000000"
                + "000004d20000019559845680");
    String ping =
        "096c6f636174696f6e037031034e310015323032352d30332d30335430383a30303a30305a133ff00000000000"
            + "00000100000000000000050000"
            + "01955b04dc00";
    assertThat(hex(EventTypes.PingSerializer.INSTANCE, ping())).isEqualTo(ping);
    assertThat(hex(EventTypes.RosterSerializer.INSTANCE, roster()))
        .isEqualTo("034e310355310b323032352d30332d303303000632333a3030");
    assertThat(hex(EventTypes.ParsedPingSerializer.INSTANCE, Parsed.ok(ping())))
        .isEqualTo("01" + ping);
    assertThat(hex(EventTypes.ParsedPingSerializer.INSTANCE, dead()))
        .isEqualTo(
            "021370616e7461752e6c6f636174696f6e2e7631010000000301000000000000002a00067b6f6f70730f"
                + "626f64793a206e6f74204a534f4e0d6a736f6e2d6465636f646572010000000000000007");
  }

  @Test
  void whatTheyWriteReadsBackWhole() throws IOException {
    assertReadsBack(OccupancyStatusSerializer.INSTANCE, status());
    assertReadsBack(OccupancyUpdateSerializer.INSTANCE, update());
    assertReadsBack(DailyFactSerializer.INSTANCE, fact());
    assertThat(roundTrip(FixSerializer.INSTANCE, fix())).isEqualTo(fix());
    assertReadsBack(EventTypes.PingSerializer.INSTANCE, ping());
    assertReadsBack(EventTypes.RosterSerializer.INSTANCE, roster());
    assertReadsBack(EventTypes.ParsedPingSerializer.INSTANCE, dead());
  }
}

package id.pantau.caps;

import static id.pantau.serial.Samples.status;
import static id.pantau.serial.Samples.update;
import static id.pantau.serial.SerializerRoundTrip.assertReadsBack;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.occupancy.OccupancyUpdateSerializer;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;

/** The occupancy records cross the jobs on hand-written serializers that lose nothing. */
class OccupancySerializersTest {
  @Test
  void anOccupancyUpdateRoundTripsWithEveryField() throws Exception {
    assertReadsBack(OccupancyUpdateSerializer.INSTANCE, update());
  }

  @Test
  void anOccupancyUpdateRoundTripsWithoutItsOptionalFields() throws Exception {
    OccupancyUpdate bare = new OccupancyUpdate("u1", "r", 5L, 0, 10);
    OccupancyUpdate back = roundTrip(OccupancyUpdateSerializer.INSTANCE, bare);
    assertThat(back).usingRecursiveComparison().isEqualTo(bare);
    assertThat(back.scheduledOffice).isNull();
    assertThat(back.unscheduledNips).isNull();
  }

  @Test
  void anOccupancyStatusRoundTripsWithAndWithoutItsOptionalFields() throws Exception {
    OccupancyStatus s = status();
    assertReadsBack(OccupancyStatusSerializer.INSTANCE, s);
    OccupancyStatus bare = new OccupancyStatus();
    bare.unitId = "u2";
    assertReadsBack(OccupancyStatusSerializer.INSTANCE, bare);
  }

  @Test
  void flinkFindsTheHandWrittenSerializersForBothTypes() {
    assertThat(
            TypeInformation.of(OccupancyUpdate.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(OccupancyUpdateSerializer.INSTANCE);
    assertThat(
            TypeInformation.of(OccupancyStatus.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(OccupancyStatusSerializer.INSTANCE);
  }

  @Test
  void aCopyDoesNotShareTheListOfNames() {
    OccupancyUpdate o = update();
    OccupancyUpdate copy = OccupancyUpdateSerializer.INSTANCE.copy(o);
    o.unscheduledNips[0] = "changed";
    assertThat(copy.unscheduledNips[0]).isEqualTo("n1");
  }
}

package id.pantau.location;

import static id.pantau.location.TestFixes.*;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.serial.CompactType;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.junit.jupiter.api.Test;

/** The hand-written serializers of the records the location shuffles carry. */
class CompactSerializersTest {
  @Test
  void flinkFindsTheCompactTypesNotThePojoSerializer() {
    assertThat(TypeInformation.of(Fix.class)).isInstanceOf(CompactType.class);
    assertThat(TypeInformation.of(LocationFact.class)).isInstanceOf(CompactType.class);
    assertThat(TypeInformation.of(Fix.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(FixSerializer.INSTANCE);
  }

  @Test
  void aFixWithEveryFieldSurvivesTheRoundTrip() throws IOException {
    Fix f = mocked(officeFix("e1", "N1", CIRCLE_UNIT, 50, 12.5));
    f.isWfh = true;
    Fix back = roundTrip(FixSerializer.INSTANCE, f);
    assertThat(back).isEqualTo(f);
    assertThat(FixSerializer.INSTANCE.copy(f)).isEqualTo(f).isNotSameAs(f);
  }

  @Test
  void aFixWithoutAccuracyUnitOrDeviceKeepsTheirNulls() throws IOException {
    Fix f = pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0);
    f.accuracyM = null;
    f.unitId = null;
    f.deviceId = null;
    Fix back = roundTrip(FixSerializer.INSTANCE, f);
    assertThat(back).isEqualTo(f);
    assertThat(back.accuracyM).isNull();
    assertThat(back.deviceId).isNull();
  }

  @Test
  void factsOfAFixAndOfARosterRowSurviveTheRoundTrip() throws IOException {
    TypeSerializer<LocationFact> s = LocationFact.Serializer.INSTANCE;
    Fix f = pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0);
    LocationFact fix = roundTrip(s, LocationFact.of(f));
    assertThat(fix.fix).isEqualTo(f);
    assertThat(LocationFact.nip(fix)).isEqualTo("N1");

    LocationFact home = roundTrip(s, LocationFact.of(roster("N2", "2025-03-03", "3216")));
    assertThat(home.fix).isNull();
    assertThat(LocationFact.nip(home)).isEqualTo("N2");
    assertThat(home.rosterDate).isEqualTo("2025-03-03");
    assertThat(home.homeRegion).isEqualTo("3216");
    assertThat(roundTrip(s, LocationFact.of(roster("N2", "2025-03-03", null))).homeRegion).isNull();
  }

  @Test
  void aRestoredSerializerIsCompatibleAsIs() {
    TypeSerializerSnapshot<Fix> snap = FixSerializer.INSTANCE.snapshotConfiguration();
    assertThat(
            FixSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(snap)
                .isCompatibleAsIs())
        .isTrue();
    assertThat(snap.restoreSerializer()).isSameAs(FixSerializer.INSTANCE);
  }
}

package id.pantau.location;

import static id.pantau.location.TestFixes.*;
import static id.pantau.serial.SerializerRoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.RosterEntry;
import id.pantau.serial.CompactType;
import id.pantau.serial.OneOf;
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
    TypeSerializer<OneOf<Fix, RosterEntry, Void>> s =
        FixRules.FACTS.createSerializer(new SerializerConfigImpl());
    Fix f = pingFix("p1", "N1", OFFICE_LAT, OFFICE_LON, T0);
    OneOf<Fix, RosterEntry, Void> fix = roundTrip(s, OneOf.first(f));
    assertThat(fix.value()).isEqualTo(f);
    assertThat(FixRules.nip(fix)).isEqualTo("N1");

    OneOf<Fix, RosterEntry, Void> home =
        roundTrip(s, OneOf.second(roster("N2", "2025-03-03", "3216")));
    RosterEntry r = (RosterEntry) home.value();
    assertThat(FixRules.nip(home)).isEqualTo("N2");
    assertThat(r.date).isEqualTo("2025-03-03");
    assertThat(r.homeRegion).isEqualTo("3216");
    RosterEntry none =
        (RosterEntry) roundTrip(s, OneOf.second(roster("N2", "2025-03-03", null))).value();
    assertThat(none.homeRegion).isNull();
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

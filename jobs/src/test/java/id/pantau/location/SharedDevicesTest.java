package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;
import static id.pantau.location.TestFixes.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.events.Unit;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharedDevicesTest {
  static final String DEVICE = "dev-shared";

  KeyedBroadcastOperatorTestHarness<String, Fix, Unit, Alert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new SharedDevices(LocationRules.defaults()),
            SharedDevices::deviceId,
            Types.STRING,
            SharedDevices.UNITS);
    harness.processBroadcastElement(circleUnit(), 0);
  }

  void watermark(long t) throws Exception {
    bothWatermarks(harness, t);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(String eventId, String nip, long timeMs) throws Exception {
    Fix f = Fix.of(ping(eventId, nip, DEVICE, OFFICE_LAT, OFFICE_LON, timeMs));
    harness.processElement(f, timeMs);
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  @Test
  void sharedDeviceIsFlaggedOnceForTheSecondNip() throws Exception {
    send("p1", "N1", T0);
    send("p2", "N1", T0 + ONE_HOUR);
    assertThat(alerts()).isEmpty();
    send("p3", "N2", T0 + 2 * ONE_HOUR);
    send("p4", "N2", T0 + 3 * ONE_HOUR);
    send("p3", "N2", T0 + 2 * ONE_HOUR); // a duplicate
    assertThat(alerts()).hasSize(1);
    Alert a = alerts().get(0);
    assertThat(a.kind).isEqualTo(SHARED_DEVICE);
    assertThat(a.phase).isEqualTo(Alert.RAISED);
    assertThat(a.nip).isEqualTo("N2");
    assertThat(a.date).isEqualTo("2025-03-03");
    assertThat(a.alertId).isEqualTo(alertId("N2", "p3", SHARED_DEVICE));
    assertThat(a.message).contains("N1");
  }

  @Test
  void eachExtraNipIsFlagged() throws Exception {
    send("p1", "N1", T0);
    send("p2", "N2", T0 + 1);
    send("p3", "N3", T0 + 2);
    assertThat(alerts()).extracting(a -> a.nip).containsExactly("N2", "N3");
  }

  @Test
  void stateIsClearedAfterTheLocalDay() throws Exception {
    send("p1", "N1", T0);
    send("p2", "N2", T0 + ONE_HOUR);
    assertThat(keyedStateEntries(harness)).isEqualTo(1); // the day, with its NIPs
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    // Midnight in Jakarta: 2025-03-03T17:00Z.
    watermark(T0 + 16 * ONE_HOUR - 1);
    assertThat(keyedStateEntries(harness)).isEqualTo(1);
    watermark(T0 + 16 * ONE_HOUR);
    assertThat(keyedStateEntries(harness)).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aDayRestoredFromTheFormerLayoutKeepsItsNips() throws Exception {
    // Earlier versions kept the day without its NIPs, and the NIPs in the map "device-nips".
    KeyedStateBackend<Object> backend =
        ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    backend.setCurrentKey(DEVICE);
    backend
        .getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new ValueStateDescriptor<>("device-day", TypeInformation.of(DeviceDay.class)))
        .update(new DeviceDay("2025-03-03", T0 + 16 * ONE_HOUR));
    backend
        .getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new MapStateDescriptor<>("device-nips", Types.STRING, Types.BOOLEAN))
        .put("N1", true);
    assertThat(keyedStateEntries(harness)).isEqualTo(2);

    send("p2", "N1", T0 + ONE_HOUR);
    assertThat(alerts()).isEmpty();
    assertThat(keyedStateEntries(harness)).isEqualTo(1); // the NIPs moved into the day
    send("p3", "N2", T0 + 2 * ONE_HOUR);
    assertThat(alerts())
        .extracting(a -> a.message)
        .containsExactly("device dev-shared also used on 2025-03-03 by N1");
  }

  @Test
  void nipsOnDifferentDaysAreNotShared() throws Exception {
    send("p1", "N1", T0);
    send("p2", "N2", T0 + 24 * ONE_HOUR);
    assertThat(alerts()).isEmpty();
  }
}

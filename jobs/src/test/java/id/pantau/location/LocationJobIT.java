package id.pantau.location;

import static id.pantau.jobs.LiveStack.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Topics;
import id.pantau.jobs.LiveStack;
import id.pantau.jobs.TestJobs;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The location rules in the whole job on a MiniCluster between a real Kafka broker and influxd: a
 * region's boundary arrives on the regions topic, and a WFH ping beyond it becomes OUT_OF_REGION on
 * the alerts topic while one inside it does not.
 */
class LocationJobIT {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final LiveStack.PerClass STACK = LiveStack.perClass();

  static final String UNIT = "bgr-bkpsdm";
  static final String REGION = "kota-bogor";
  static final double LAT = -6.595;
  static final double LON = 106.806;

  static LiveStack stack;

  @BeforeAll
  static void start() {
    stack = STACK.get();
  }

  @Test
  void aWfhPingBeyondTheHomeRegionIsFlaggedOutOfRegion() throws Exception {
    Instant hourAgo = Instant.now().minusSeconds(3600);
    stack.sendUnit(UNIT, "BKPSDM Kota Bogor", REGION, "Asia/Jakarta", 30, hourAgo);
    stack.send(
        Topics.REGIONS,
        REGION,
        """
        {"region":"%s","name":"Kota Bogor","province":"Jawa Barat","timeZone":"Asia/Jakarta",
         "boundary":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}"""
            .formatted(
                REGION, LON - 0.1, LAT - 0.1, LON + 0.1, LAT - 0.1, LON + 0.1, LAT + 0.1, LON - 0.1,
                LAT + 0.1, LON - 0.1, LAT - 0.1));

    JobClient job = stack.startJobs("location-it");
    try (LiveStack.TopicReader alerts = stack.read(Topics.ALERTS)) {
      // The boundary reaches the rules beside the pings, not before them: a ping judged before
      // it is known raises nothing, so pings go out (each a minute of event time later) until
      // one is judged. Each employee's first ping is at home, the second in Jakarta (~45 km).
      JsonNode flagged = null;
      long end = System.nanoTime() + DEADLINE.toNanos();
      for (int i = 0; flagged == null && System.nanoTime() < end; i++) {
        String nip = "19900101202001" + (1000 + i);
        Instant t = Instant.now().minusSeconds(120);
        stack.send(Topics.LOCATION, nip, ping(nip, "home-" + nip, LAT + 0.02, LON, t));
        stack.send(Topics.LOCATION, nip, ping(nip, "away-" + nip, -6.2, 106.82, t.plusSeconds(60)));
        long next = System.nanoTime() + 2_000_000_000L;
        while (flagged == null && System.nanoTime() < next) {
          flagged = alerts.find(a -> "OUT_OF_REGION".equals(a.path("kind").asText()));
          LockSupport.parkNanos(100_000_000L); // a poll interval
        }
      }
      assertThat(flagged).as("an OUT_OF_REGION alert within " + DEADLINE).isNotNull();
      String nip = flagged.path("nip").asText();
      assertThat(flagged.path("alertId").asText())
          .isEqualTo("OUT_OF_REGION:" + nip + ":away-" + nip);
      assertThat(flagged.path("phase").asText()).isEqualTo("RAISED");
      assertThat(flagged.path("unitId").asText()).isEqualTo(UNIT);
      assertThat(flagged.path("region").asText()).isEqualTo(REGION);
      assertThat(flagged.path("message").asText()).contains("outside the home region " + REGION);
      // The same employee's ping at home, judged just before (same key, same order): no flag.
      assertThat(alerts.poll())
          .filteredOn(a -> "OUT_OF_REGION".equals(a.path("kind").asText()))
          .extracting(a -> a.path("alertId").asText())
          .doesNotContain("OUT_OF_REGION:" + nip + ":home-" + nip);
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }
  }

  static String ping(String nip, String eventId, double lat, double lon, Instant t) {
    return """
        {"type":"location","eventId":"%s","nip":"%s","unitId":"%s","time":"%s",
         "location":{"lat":%s,"lon":%s,"accuracyM":15,"mock":false},"deviceId":"dev-%s",
         "receivedAt":%d}"""
        .formatted(eventId, nip, UNIT, LiveStack.wib(t), lat, lon, nip, t.toEpochMilli());
  }
}

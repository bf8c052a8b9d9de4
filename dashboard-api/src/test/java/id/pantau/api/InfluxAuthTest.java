package id.pantau.api;

import static id.pantau.infra.InfluxServer.ADMIN;
import static id.pantau.infra.InfluxServer.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.infra.InfluxServer;
import java.nio.file.Path;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on an InfluxDB with auth, as the compose deployment runs it: a READ-only user. */
class InfluxAuthTest {
  static final String READER = "pantau-reader";
  static final String READER_PW = "reader-pw";

  @TempDir static Path dir;
  static InfluxServer influx;

  @BeforeAll
  static void start() throws Exception {
    influx = InfluxServer.startAsDeployed(dir.resolve("influx"), "pantau");
    influx.createUser(READER, READER_PW, "READ", "pantau", ADMIN, ADMIN_PASSWORD);
    try (InfluxDB admin = InfluxDBFactory.connect(influx.url(), ADMIN, ADMIN_PASSWORD)) {
      admin.write(
          "pantau", "autogen", InfluxDB.ConsistencyLevel.ONE, "occupancy,unit=u1 present=3i");
    }
  }

  @AfterAll
  static void stop() {
    if (influx != null) influx.close();
  }

  @Test
  void aReaderLogsInAndReads() {
    try (Influx reader = new Influx(influx.url(), "pantau", READER, READER_PW)) {
      assertThat(reader.ping()).isTrue();
      assertThat(reader.series(new Query("SELECT present FROM occupancy", "pantau")))
          .hasSize(1)
          .allSatisfy(s -> assertThat(s.getValues()).hasSize(1));
    }
  }

  @Test
  void withoutALoginAQueryIsRefusedNotReadAsEmpty() {
    try (Influx anonymous = new Influx(influx.url(), "pantau")) {
      assertThat(anonymous.ping()).as("/ping needs no login").isTrue();
      assertThatThrownBy(
              () -> anonymous.series(new Query("SELECT present FROM occupancy", "pantau")))
          .isInstanceOf(InfluxDBException.class);
    }
  }

  @Test
  void theLoginComesFromTheEnvironment() {
    DashboardConfig c =
        DashboardConfig.fromEnv(
            java.util.Map.of(
                "PANTAU_INFLUX_URL", influx.url(),
                "PANTAU_INFLUX_USER", READER,
                "PANTAU_INFLUX_PASSWORD", READER_PW));
    try (Influx reader =
        new Influx(c.influxUrl(), c.influxDb(), c.influxUser(), c.influxPassword())) {
      assertThat(reader.series(new Query("SELECT present FROM occupancy", "pantau"))).hasSize(1);
    }
  }
}

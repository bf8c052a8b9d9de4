package id.pantau.sink;

import static id.pantau.infra.InfluxServer.ADMIN;
import static id.pantau.infra.InfluxServer.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.infra.InfluxServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on an InfluxDB with auth, set up as the compose deployment's first start does: an admin,
 * the database and its retention policies, and a writer with ALL on the database but no admin
 * rights.
 */
class InfluxAuthTest {
  static final long T0 = System.currentTimeMillis() - 3_600_000L;
  static final String WRITER = "pantau-jobs";
  static final String WRITER_PW = "writer-pw";

  @TempDir static Path dir;
  static InfluxServer influx;
  static InfluxDB admin;

  @BeforeAll
  static void start() throws Exception {
    influx = InfluxServer.startAsDeployed(dir.resolve("influx"), "pantau");
    influx.createUser(WRITER, WRITER_PW, "ALL", "pantau", ADMIN, ADMIN_PASSWORD);
    influx.execute(String.join(";\n", Retention.statements("pantau")), ADMIN, ADMIN_PASSWORD);
    admin = InfluxDBFactory.connect(influx.url(), ADMIN, ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (admin != null) admin.close();
    if (influx != null) influx.close();
  }

  static InfluxConfig config(String db, String user, String password) {
    return TestInflux.config(influx.url(), db, 10, user, password);
  }

  static long count(String db, String measurement) {
    return TestInflux.count(admin, db, measurement);
  }

  @Test
  void aWriterWithoutAdminRightsWritesOnceThePoliciesAreInPlace() throws Exception {
    try (InfluxLineClient c = new InfluxLineClient(config("pantau", WRITER, WRITER_PW))) {
      c.ensureDatabase();
      c.write(List.of("auth_ok,unit=a v=1 " + T0, "auth_ok,unit=b v=2 " + (T0 + 1)));
    }
    assertThat(count("pantau", "auth_ok")).isEqualTo(2);
  }

  @Test
  void aWriterWithoutAdminRightsCannotMakeMissingPoliciesAndSaysSo() {
    influx.execute("CREATE DATABASE bare", ADMIN, ADMIN_PASSWORD);
    influx.execute("GRANT ALL ON \"bare\" TO \"" + WRITER + "\"", ADMIN, ADMIN_PASSWORD);
    try (InfluxLineClient c = new InfluxLineClient(config("bare", WRITER, WRITER_PW))) {
      assertThatThrownBy(c::ensureDatabase)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("admin");
    }
  }

  @Test
  void aWrongPasswordIsRefusedNotRetriedForever() {
    try (InfluxLineClient c = new InfluxLineClient(config("pantau", WRITER, "wrong"))) {
      assertThatThrownBy(() -> c.write(List.of("auth_wrong v=1 " + T0)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("authorization failed");
    }
    assertThat(count("pantau", "auth_wrong")).isZero();
  }

  @Test
  void anAdminMakesTheDatabaseAndItsPoliciesAsBefore() throws Exception {
    try (InfluxLineClient c = new InfluxLineClient(config("fresh", ADMIN, ADMIN_PASSWORD))) {
      c.ensureDatabase();
      c.write(List.of("made v=1 " + T0));
    }
    QueryResult shown = admin.query(new Query("SHOW RETENTION POLICIES ON \"fresh\""));
    QueryResult.Series s = shown.getResults().get(0).getSeries().get(0);
    assertThat(Retention.inPlace(s.getColumns(), s.getValues())).isTrue();
    assertThat(count("fresh", "made")).isEqualTo(1);
  }
}

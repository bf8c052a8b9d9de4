package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfigDirTest {
  @TempDir Path dir;

  @Test
  void everyProcessBindsLoopbackAndTheKernelPicksTheirSidePorts() throws Exception {
    FlinkConfigDir config = new FlinkConfigDir(dir);
    config.write(6123, 8081, 2);

    assertThat(Files.readAllLines(config.conf().resolve("config.yaml")))
        .contains(
            "jobmanager.rpc.address: '127.0.0.1'",
            "jobmanager.bind-host: '127.0.0.1'",
            "taskmanager.host: '127.0.0.1'",
            "taskmanager.bind-host: '127.0.0.1'",
            "rest.address: '127.0.0.1'",
            "rest.bind-address: '127.0.0.1'",
            "taskmanager.rpc.port: '0'",
            "taskmanager.data.port: '0'",
            "blob.server.port: '0'",
            "metrics.internal.query-service.port: '0'",
            "jobmanager.rpc.port: '6123'",
            "rest.port: '8081'",
            "taskmanager.numberOfTaskSlots: '2'")
        .noneMatch(line -> line.contains("0.0.0.0"));
  }
}

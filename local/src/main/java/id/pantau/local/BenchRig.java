package id.pantau.local;

import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import java.nio.file.Path;
import org.influxdb.InfluxDB;

/**
 * What every section of a bench run measures on: the broker loaded with the day, InfluxDB and a
 * client of it, the day's data, the options, a scratch directory and the report the rows go to.
 */
record BenchRig(
    KafkaBroker kafka,
    InfluxServer influx,
    InfluxDB client,
    BenchData data,
    BenchOptions options,
    Path dir,
    BenchReport report) {}

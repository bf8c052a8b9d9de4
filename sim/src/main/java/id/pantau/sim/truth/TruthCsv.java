package id.pantau.sim.truth;

import id.pantau.sim.CityUnit;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The {@link GroundTruth} as the CSV files `./pantau verify` and `SimMain truth` write. */
final class TruthCsv {
  private TruthCsv() {}

  /**
   * Writes occupancy.csv (unit, minute, present, cap, floor), breaches.csv, compliance.csv,
   * followups.csv and daily.csv into {@code dir}.
   */
  static void write(GroundTruth truth, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Writer w = Files.newBufferedWriter(dir.resolve("occupancy.csv"), StandardCharsets.UTF_8)) {
      w.write("unit,minute,present,cap,floor\n");
      for (CityUnit u : truth.day().city().units()) {
        Presence p = truth.presence(u.unitId());
        for (long t = p.dayStartMs(); t < p.dayEndMs(); t += 60_000) {
          w.write(
              u.unitId()
                  + ","
                  + Instant.ofEpochMilli(t)
                  + ","
                  + p.at(t)
                  + ","
                  + truth.cap(u.unitId(), t)
                  + ","
                  + truth.floor(u.unitId(), t)
                  + "\n");
        }
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("breaches.csv"), StandardCharsets.UTF_8)) {
      w.write("unit,kind,startedAt,endedAt,limit,present\n");
      for (GroundTruth.Breach b : truth.breaches()) {
        w.write(
            b.unitId()
                + ","
                + b.kind()
                + ","
                + Instant.ofEpochMilli(b.startMs())
                + ","
                + (b.endMs() == null ? "" : Instant.ofEpochMilli(b.endMs()))
                + ","
                + b.limit()
                + ","
                + b.worst()
                + "\n");
      }
    }
    try (Writer w =
        Files.newBufferedWriter(dir.resolve("compliance.csv"), StandardCharsets.UTF_8)) {
      w.write("unit,window,expected,on_time,late,missed,late_upload,rate\n");
      for (GroundTruth.Count c : truth.counts()) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s,%s,%d,%d,%d,%d,%d,%.6f%n",
                c.unitId(),
                c.window(),
                c.expected(),
                c.onTime(),
                c.late(),
                c.missed(),
                c.lateUpload(),
                c.rate()));
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("followups.csv"), StandardCharsets.UTF_8)) {
      w.write("unit,nip,mode,window,status,flags\n");
      for (GroundTruth.Followup f : truth.followups().values()) {
        String flags = String.join(";", f.flags());
        if (f.windows().isEmpty()) w.write(f.unitId() + "," + f.nip() + ",,,," + flags + "\n");
        for (Map.Entry<String, String> e : f.windows().entrySet()) {
          w.write(
              f.unitId()
                  + ","
                  + f.nip()
                  + ","
                  + f.mode()
                  + ","
                  + e.getKey()
                  + ","
                  + e.getValue()
                  + ","
                  + flags
                  + "\n");
        }
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("daily.csv"), StandardCharsets.UTF_8)) {
      w.write("unit,attendance_rate,wfh_compliance,peak_present,mean_present,minutes_over_cap\n");
      for (GroundTruth.Daily d : truth.daily().values()) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%d,%.6f,%.6f%n",
                d.unitId(),
                d.attendanceRate() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.6f", d.attendanceRate()),
                d.wfhCompliance() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.6f", d.wfhCompliance()),
                d.peakPresent(),
                d.meanPresent(),
                d.minutesOverCap()));
      }
    }
  }
}

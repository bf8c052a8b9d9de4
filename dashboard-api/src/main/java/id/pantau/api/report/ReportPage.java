package id.pantau.api.report;

import static id.pantau.api.report.Format.html;

import java.util.List;

/**
 * The report as one printable HTML page in Indonesian: everything inline (styles, SVG charts drawn
 * on the server), nothing loaded from elsewhere, print styles for A4. Each figure's cell carries a
 * {@code data-figure} name, so a reader (or a test) finds it without parsing the layout.
 */
public final class ReportPage {
  private static final String STYLE =
      """
      body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:24px;max-width:980px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #999}
      p.meta{margin:0;color:#444}table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{border:1px solid #bbb;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
      thead th{background:#eef2f5}.units{font-size:14px}.note{font-size:12px;color:#444}
      svg.chart{width:100%;height:auto;margin:8px 0}svg text{font-size:11px;fill:#1b1b1b}
      svg .axis{stroke:#555}.attendance{fill:#1f5f8b}.wfh{fill:#7fb3d5}.over{fill:#b03a2e}
      @page{size:A4;margin:15mm}
      @media print{body{margin:0;max-width:none}section{break-inside:avoid}h2{break-after:avoid}}
      """;

  private ReportPage() {}

  public static String render(WeeklyReport r) {
    StringBuilder p = new StringBuilder(16_384);
    p.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Laporan Mingguan ")
        .append(html(r.region()))
        .append(' ')
        .append(r.week())
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    header(p, r);
    summary(p, r);
    charts(p, r);
    days(p, r);
    method(p);
    return p.append("</body></html>").toString();
  }

  private static void header(StringBuilder p, WeeklyReport r) {
    p.append("<header><h1>Laporan Mingguan Pimpinan</h1><p class=\"meta\">Wilayah <strong>")
        .append(html(r.region()))
        .append("</strong> · Minggu ")
        .append(r.week())
        .append(" (")
        .append(Format.dayName(r.week().monday()))
        .append(' ')
        .append(Format.date(r.week().monday()))
        .append(" – ")
        .append(Format.dayName(r.week().sunday()))
        .append(' ')
        .append(Format.date(r.week().sunday()))
        .append(") · ")
        .append(Format.count(r.thisWeek().units()))
        .append(" unit melapor</p></header>");
  }

  private static void summary(StringBuilder p, WeeklyReport r) {
    Totals now = r.thisWeek();
    Totals before = r.previousWeek();
    WeeklyReport.Change c = r.change();
    p.append("<section><h2>Ringkasan</h2><table><thead><tr><th>Ukuran</th><th>Minggu ini</th>")
        .append("<th>Minggu sebelumnya (")
        .append(r.week().previous())
        .append(")</th><th>Perubahan</th></tr></thead><tbody>");
    row(
        p,
        "attendance",
        "Tingkat kehadiran",
        Format.percent(now.attendanceRate()),
        Format.percent(before.attendanceRate()),
        Format.points(c.attendanceRate()));
    row(
        p,
        "wfh",
        "Kepatuhan WFH",
        Format.percent(now.wfhCompliance()),
        Format.percent(before.wfhCompliance()),
        Format.points(c.wfhCompliance()));
    row(
        p,
        "breaches",
        "Pelanggaran kuota (jumlah)",
        Format.count(now.breaches()),
        before.empty() ? Format.NONE : Format.count(before.breaches()),
        Format.signed(c.breaches()));
    row(
        p,
        "minutes",
        "Menit melebihi kuota",
        Format.count(now.minutesOverCap()),
        before.empty() ? Format.NONE : Format.count(before.minutesOverCap()),
        Format.signed(c.minutesOverCap()));
    p.append("</tbody></table><p class=\"units\">");
    unit(p, "best", "Unit terbaik", r.best());
    p.append("<br>");
    unit(p, "worst", "Unit terendah", r.worst());
    p.append("</p></section>");
  }

  private static void row(
      StringBuilder p, String figure, String label, String now, String before, String change) {
    p.append("<tr><td>")
        .append(label)
        .append("</td><td data-figure=\"")
        .append(figure)
        .append("\">")
        .append(html(now))
        .append("</td><td data-figure=\"")
        .append(figure)
        .append("-previous\">")
        .append(html(before))
        .append("</td><td data-figure=\"")
        .append(figure)
        .append("-change\">")
        .append(html(change))
        .append("</td></tr>");
  }

  private static void unit(StringBuilder p, String figure, String label, WeeklyReport.UnitRate u) {
    p.append(label).append(" (tingkat kehadiran): ");
    if (u == null) {
      p.append(Format.NONE);
      return;
    }
    p.append("<strong data-figure=\"")
        .append(figure)
        .append("\">")
        .append(html(u.unit()))
        .append("</strong> <span data-figure=\"")
        .append(figure)
        .append("-rate\">")
        .append(html(Format.percent(u.rate())))
        .append("</span> (")
        .append(Format.count(u.reported()))
        .append(" dari ")
        .append(Format.count(u.expected()))
        .append(" hadir tepat waktu atau terlambat)");
  }

  private static void charts(StringBuilder p, WeeklyReport r) {
    List<String> labels = r.days().stream().map(d -> Format.dayName(d.date())).toList();
    List<Double> attendance = r.days().stream().map(d -> d.totals().attendanceRate()).toList();
    List<Double> wfh = r.days().stream().map(d -> d.totals().wfhCompliance()).toList();
    List<Double> over =
        r.days().stream()
            .map(d -> d.totals().empty() ? null : (double) d.totals().minutesOverCap())
            .toList();
    double maxOver = over.stream().filter(v -> v != null).mapToDouble(v -> v).max().orElse(0);
    p.append("<section><h2>Grafik harian</h2>")
        .append(
            SvgChart.bars(
                "Tingkat kehadiran dan kepatuhan WFH per hari",
                labels,
                List.of(
                    new SvgChart.Series("Tingkat kehadiran", "attendance", attendance),
                    new SvgChart.Series("Kepatuhan WFH", "wfh", wfh)),
                1.0,
                v -> Format.percent(v).replace(" %", "%")))
        .append(
            SvgChart.bars(
                "Menit melebihi kuota per hari",
                labels,
                List.of(new SvgChart.Series("Menit melebihi kuota", "over", over)),
                Math.max(1, maxOver),
                v -> Format.count(Math.round(v))))
        .append("</section>");
  }

  private static void days(StringBuilder p, WeeklyReport r) {
    p.append("<section><h2>Rincian harian</h2><table><thead><tr><th>Hari</th><th>Tanggal</th>")
        .append("<th>Tingkat kehadiran</th><th>Kepatuhan WFH</th><th>Pelanggaran kuota</th>")
        .append("<th>Menit melebihi kuota</th><th>Unit melapor</th></tr></thead><tbody>");
    for (WeeklyReport.Day d : r.days()) {
      Totals t = d.totals();
      boolean none = t.empty();
      p.append("<tr data-date=\"")
          .append(d.date())
          .append("\"><td>")
          .append(Format.dayName(d.date()))
          .append("</td><td>")
          .append(Format.date(d.date()))
          .append("</td><td>")
          .append(html(Format.percent(t.attendanceRate())))
          .append("</td><td>")
          .append(html(Format.percent(t.wfhCompliance())))
          .append("</td><td>")
          .append(none ? Format.NONE : Format.count(t.breaches()))
          .append("</td><td>")
          .append(none ? Format.NONE : Format.count(t.minutesOverCap()))
          .append("</td><td>")
          .append(Format.count(t.units()))
          .append("</td></tr>");
    }
    p.append("</tbody></table></section>");
  }

  private static void method(StringBuilder p) {
    p.append("<section class=\"note\"><h2>Cara menghitung</h2><ul>")
        .append("<li>Semua angka dari rekap harian per unit (pengukuran <code>daily</code>).</li>")
        .append("<li>Tingkat kehadiran = jumlah (tepat waktu + terlambat) ÷ jumlah pegawai yang")
        .append(" wajib hadir, dijumlahkan atas semua unit dan hari; bukan rata-rata tingkat")
        .append(" harian.</li><li>Kepatuhan WFH = jumlah laporan lokasi (tepat waktu + terlambat)")
        .append(" ÷ jumlah laporan yang diwajibkan, atas semua jendela lokasi.</li>")
        .append("<li>Pelanggaran kuota = jumlah pelanggaran OVER_CAP dan UNDER_FLOOR yang dimulai")
        .append(
            " pada minggu itu. Menit melebihi kuota = jumlah menit harian (dibulatkan per hari)")
        .append(
            " saat yang hadir melebihi kuota.</li><li>Unit terbaik dan terendah menurut tingkat")
        .append(" kehadiran minggu ini; bila sama, unit dengan lebih banyak pegawai wajib hadir,")
        .append(" lalu menurut kode unit.</li><li>Perubahan = minggu ini dikurangi minggu")
        .append(" sebelumnya (poin persentase untuk tingkat).</li>")
        .append("<li>Laporan ini hanya memuat angka agregat, tidak memuat data perorangan.</li>")
        .append("</ul></section>");
  }
}

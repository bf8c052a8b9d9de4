package id.pantau.api.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Figures and dates as an Indonesian reader writes them: 92,5 %, 1.234, Senin 30 November 2026. */
final class Format {
  static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  static final String NONE = "—";

  private static final List<String> DAYS =
      List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
  private static final List<String> MONTHS =
      List.of(
          "Januari",
          "Februari",
          "Maret",
          "April",
          "Mei",
          "Juni",
          "Juli",
          "Agustus",
          "September",
          "Oktober",
          "November",
          "Desember");

  private Format() {}

  /** A fraction as a percentage with one decimal: 0.925 → "92,5 %"; null → "—". */
  static String percent(Double fraction) {
    return fraction == null ? NONE : decimal("0.0").format(fraction * 100) + " %";
  }

  /** A change of a fraction in percentage points, signed: 0.012 → "+1,2 poin". */
  static String points(Double change) {
    return change == null ? NONE : decimal("+0.0;-0.0").format(change * 100) + " poin";
  }

  static String count(long n) {
    return decimal("#,##0").format(n);
  }

  static String signed(Long n) {
    return n == null ? NONE : decimal("+#,##0;-#,##0").format(n);
  }

  static String dayName(LocalDate d) {
    return DAYS.get(d.getDayOfWeek().getValue() - 1);
  }

  /** 30 November 2026. */
  static String date(LocalDate d) {
    return d.getDayOfMonth() + " " + MONTHS.get(d.getMonthValue() - 1) + " " + d.getYear();
  }

  /** Text for HTML: the five characters that could start markup escaped. */
  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static DecimalFormat decimal(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(INDONESIAN));
  }
}

package id.pantau.api.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A bar chart as inline SVG, drawn on the server: one group of bars per label, one bar per series,
 * each bar's value written above it. No script, font or image from elsewhere, so it prints as is.
 */
final class SvgChart {
  /**
   * One series: its name in the legend, its CSS class (the colour), a value per label (null: none).
   */
  record Series(String name, String cssClass, List<Double> values) {}

  private static final int WIDTH = 680;
  private static final int HEIGHT = 230;
  private static final int LEFT = 10;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  private SvgChart() {}

  /**
   * @param max the value of a full-height bar (at least the largest value)
   */
  static String bars(
      String title,
      List<String> labels,
      List<Series> series,
      double max,
      DoubleFunction<String> valueText) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
            WIDTH,
            HEIGHT,
            Format.html(title)));
    svg.append("<title>").append(Format.html(title)).append("</title>");
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double groupWidth = (WIDTH - LEFT * 2) / (double) labels.size();
    double barWidth = (groupWidth - 12) / series.size();
    int baseline = HEIGHT - BOTTOM;
    svg.append(line(LEFT, baseline, WIDTH - LEFT, baseline));
    for (int i = 0; i < labels.size(); i++) {
      double x0 = LEFT + i * groupWidth + 6;
      for (int s = 0; s < series.size(); s++) {
        Double v = series.get(s).values().get(i);
        double x = x0 + s * barWidth;
        if (v == null) {
          svg.append(text(x + barWidth / 2, baseline - 4, Format.NONE, "value"));
          continue;
        }
        double h = max <= 0 ? 0 : plotHeight * Math.min(v, max) / max;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                series.get(s).cssClass(),
                x + 1,
                baseline - h,
                barWidth - 2,
                h));
        svg.append(text(x + barWidth / 2, baseline - h - 4, valueText.apply(v), "value"));
      }
      svg.append(text(x0 + groupWidth / 2 - 6, baseline + 16, labels.get(i), "label"));
    }
    for (int s = 0; s < series.size(); s++) {
      int x = LEFT + s * 200;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%d\" y=\"6\" width=\"12\" height=\"12\"/>",
              series.get(s).cssClass(),
              x));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"legend\" x=\"%d\" y=\"16\">%s</text>",
              x + 16,
              Format.html(series.get(s).name())));
    }
    return svg.append("</svg>").toString();
  }

  private static String line(int x1, int y1, int x2, int y2) {
    return String.format(
        Locale.ROOT,
        "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(double x, double y, String s, String cssClass) {
    return String.format(
        Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
        cssClass,
        x,
        y,
        Format.html(s));
  }
}

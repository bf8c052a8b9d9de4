package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One evaluation of a provisioned Grafana alert rule at a given instant, as Grafana's rule engine
 * does it, simply: each query of the rule against InfluxDB over its relativeTimeRange ending at
 * that instant, one alert instance per series (labelled by the series' tags), then the server-side
 * expressions {@code reduce} (last, min, max, mean, sum, count; modes strict, dropNN, replaceNN)
 * and {@code threshold} (gt, lt, within_range, outside_range), and the rule's noDataState when no
 * series came back. The pending period ({@code for}) is not modelled: this says whether the
 * condition holds.
 */
final class AlertRuleEvaluation {
  /** An alert instance: its labels and its value. */
  record Instance(Map<String, String> labels, List<Double> values) {}

  /** What an evaluation found: the instances of the condition, those firing, and NoData. */
  record Result(
      String rule,
      long atMs,
      Map<Map<String, String>, Double> condition,
      boolean noData,
      boolean firingOnNoData) {
    /** The labels of every firing instance (one with no labels when NoData alerts). */
    Set<Map<String, String>> firing() {
      if (noData) return firingOnNoData ? Set.of(Map.of()) : Set.of();
      return condition.entrySet().stream()
          .filter(e -> e.getValue() != null && e.getValue() != 0)
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    /** One label of every firing instance. */
    Set<String> firing(String label) {
      return firing().stream()
          .map(l -> l.get(label))
          .filter(Objects::nonNull)
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }

  private AlertRuleEvaluation() {}

  /** The queries of a rule (its data items on the InfluxDB data source): refId to InfluxQL. */
  static Map<String, String> queries(JsonNode rule) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode d : rule.path("data")) {
      if (!d.path("datasourceUid").asText().equals("__expr__")) {
        out.put(d.path("refId").asText(), d.path("model").path("query").asText());
      }
    }
    return out;
  }

  static Result evaluate(JsonNode rule, long atMs, InfluxQl influx) throws Exception {
    Map<String, List<Instance>> byRef = new TreeMap<>();
    boolean noData = false;
    for (JsonNode d : rule.path("data")) {
      String ref = d.path("refId").asText();
      JsonNode model = d.path("model");
      if (!d.path("datasourceUid").asText().equals("__expr__")) {
        long from = atMs - d.path("relativeTimeRange").path("from").asLong() * 1000;
        long to = atMs - d.path("relativeTimeRange").path("to").asLong() * 1000;
        String q =
            InfluxQl.substitute(
                model.path("query").asText(), InfluxQl.timeFilter(from, to), "1m", Map.of());
        InfluxQl.Answer a = influx.run(q);
        if (a.error() != null) {
          throw new IllegalStateException(
              rule.path("uid").asText() + " " + ref + ": " + a.error() + " in " + q);
        }
        List<Instance> instances = new ArrayList<>();
        for (InfluxQl.Series s : a.series()) {
          if (s.columns().size() != 2) {
            throw new IllegalStateException(
                rule.path("uid").asText()
                    + " "
                    + ref
                    + ": one value column expected, got "
                    + s.columns());
          }
          instances.add(new Instance(s.tags(), s.values()));
        }
        if (instances.isEmpty()) noData = true;
        byRef.put(ref, instances);
        continue;
      }
      List<Instance> input = byRef.getOrDefault(model.path("expression").asText(), List.of());
      List<Instance> out = new ArrayList<>();
      switch (model.path("type").asText()) {
        case "reduce" -> {
          for (Instance i : input) {
            out.add(new Instance(i.labels(), listOf(reduce(i.values(), model))));
          }
        }
        case "threshold" -> {
          JsonNode ev = model.path("conditions").path(0).path("evaluator");
          for (Instance i : input) {
            Double v = i.values().isEmpty() ? null : i.values().get(i.values().size() - 1);
            out.add(new Instance(i.labels(), listOf(threshold(v, ev) ? 1.0 : 0.0)));
          }
        }
        default ->
            throw new IllegalStateException(
                rule.path("uid").asText()
                    + " "
                    + ref
                    + ": expression type "
                    + model.path("type").asText()
                    + " is not evaluated here");
      }
      byRef.put(ref, out);
    }
    Map<Map<String, String>, Double> condition = new LinkedHashMap<>();
    for (Instance i : byRef.getOrDefault(rule.path("condition").asText(), List.of())) {
      condition.put(i.labels(), i.values().isEmpty() ? null : i.values().get(0));
    }
    return new Result(
        rule.path("uid").asText(),
        atMs,
        condition,
        noData,
        rule.path("noDataState").asText().equals("Alerting"));
  }

  private static List<Double> listOf(Double v) {
    List<Double> l = new ArrayList<>(1);
    l.add(v);
    return l;
  }

  static Double reduce(List<Double> values, JsonNode model) {
    String mode = model.path("settings").path("mode").asText("strict");
    List<Double> vs = new ArrayList<>();
    for (Double v : values) {
      boolean missing = v == null || v.isNaN();
      if (!missing) vs.add(v);
      else if (mode.equals("replaceNN"))
        vs.add(model.path("settings").path("replaceWithValue").asDouble());
      else if (!mode.equals("dropNN")) return Double.NaN; // strict: a missing value spoils it
    }
    if (vs.isEmpty()) return Double.NaN;
    String reducer = model.path("reducer").asText();
    return switch (reducer) {
      case "last" -> vs.get(vs.size() - 1);
      case "min" -> vs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      case "max" -> vs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case "mean" -> vs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      case "sum" -> vs.stream().mapToDouble(Double::doubleValue).sum();
      case "count" -> (double) vs.size();
      default -> throw new IllegalStateException("reducer " + reducer + " is not evaluated here");
    };
  }

  static boolean threshold(Double v, JsonNode evaluator) {
    if (v == null || v.isNaN()) return false;
    JsonNode p = evaluator.path("params");
    double a = p.path(0).asDouble();
    double b = p.path(1).asDouble();
    return switch (evaluator.path("type").asText()) {
      case "gt" -> v > a;
      case "lt" -> v < a;
      case "within_range" -> v > a && v < b;
      case "outside_range" -> v < a || v > b;
      default ->
          throw new IllegalStateException(
              "threshold " + evaluator.path("type").asText() + " is not evaluated here");
    };
  }
}

package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of GET /api/v1/breaches: the range asked (after defaults) and the breaches that
 * started in it, newest first.
 */
@JsonPropertyOrder({"from", "to", "breaches"})
public record Breaches(String from, String to, List<BreachRow> breaches) implements CsvAnswer {
  @Override
  public String csv() {
    return Csv.of(BreachRow.COLUMNS, breaches);
  }
}

package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.api.audit.AuditRecord;
import id.pantau.events.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  static List<String> jsonFields(Object row) {
    List<String> names = new ArrayList<>();
    Json.MAPPER.valueToTree(row).fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aRowsCsvHeaderNamesItsJsonFieldsInTheirOrder() {
    assertThat(BreachRow.COLUMNS.names())
        .containsExactlyElementsOf(
            jsonFields(
                new BreachRow("u", "r", "OVER_CAP", 1, 2, "s", null, 3L, true, "Asia/Jakarta")))
        .startsWith("unit", "region", "kind");
    assertThat(ComplianceRow.COLUMNS.names())
        .containsExactlyElementsOf(
            jsonFields(
                new ComplianceRow("u", "r", "w", 1, 1, 0, 0, 0, 0, 1.0, "t", "Asia/Makassar")));
    assertThat(TrendRow.COLUMNS.names())
        .containsExactlyElementsOf(
            jsonFields(new TrendRow("d", "u", "r", 1.0, 1.0, 1, 1.0, 0, 0, 1, 1, 1, 1, 0)));
    assertThat(OccupancyRow.COLUMNS.names())
        .containsExactlyElementsOf(
            jsonFields(
                new OccupancyRow("u", "r", 1, 2, 0.5, 3, 0, Status.OK, "t", "Asia/Jayapura")))
        .endsWith("asOf", "zone");
    assertThat(AuditRecord.COLUMNS.names())
        .containsExactly("time", "who", "role", "action", "unit", "answer")
        .containsExactlyElementsOf(jsonFields(new AuditRecord("t", "w", null, "a", null, 200)));
  }

  @Test
  void aRowsCsvLineHoldsItsValuesInColumnOrderNullsEmpty() {
    String csv =
        Csv.of(
            BreachRow.COLUMNS,
            List.of(
                new BreachRow(
                    "tng, a", "banten", "OVER_CAP", 10, 12, "s", null, 60L, true, "Asia/Jakarta")));
    assertThat(csv)
        .isEqualTo(
            "unit,region,kind,limit,present,startedAt,endedAt,durationS,open,zone\r\n"
                + "\"tng, a\",banten,OVER_CAP,10,12,s,,60,true,Asia/Jakarta\r\n");
  }

  @Test
  void anAnswerWithoutRowsIsItsHeaderAlone() {
    JsonNode json = Json.MAPPER.valueToTree(new Trends("2026-11-01", "2026-11-30", List.of()));
    assertThat(json.fieldNames()).toIterable().containsExactly("from", "to", "rows");
    assertThat(new Trends("a", "b", List.of()).csv())
        .isEqualTo(String.join(",", TrendRow.COLUMNS.names()) + "\r\n");
  }
}

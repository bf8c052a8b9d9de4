package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * openapi.json is a valid OpenAPI 3.1 document whose parameters are those the handlers read. That
 * it lists exactly the routes of {@code DashboardApp.routes}: {@link OpenApiRoutesTest}.
 */
class OpenApiDocumentTest {
  private static final JsonNode DOC = OpenApi.document();

  /**
   * The query parameters each handler of DashboardApp reads through {@code query(ctx, …)} (format
   * included, read by {@code wantsCsv}); the token names the screen refuses are not parameters.
   */
  private static final Map<String, Set<String>> HANDLER_QUERIES =
      Map.ofEntries(
          Map.entry("GET /openapi.json", Set.of()),
          Map.entry("GET /api/docs", Set.of()),
          Map.entry("GET /units/{unitId}", Set.of()),
          Map.entry("GET /api/v1/health", Set.of()),
          Map.entry("POST /api/v1/session", Set.of()),
          Map.entry("GET /api/v1/session", Set.of()),
          Map.entry("DELETE /api/v1/session", Set.of()),
          Map.entry("GET /api/v1/occupancy", Set.of("format")),
          Map.entry("GET /api/v1/units/{unitId}/occupancy", Set.of("from", "to", "step", "format")),
          Map.entry("GET /api/v1/breaches", Set.of("from", "to", "open", "unit", "kind", "format")),
          Map.entry("GET /api/v1/compliance", Set.of("date", "unit", "window", "format")),
          Map.entry("GET /api/v1/units/{unitId}/followups", Set.of("date", "format")),
          Map.entry("GET /api/v1/trends", Set.of("from", "to", "unit", "region", "format")),
          Map.entry("GET /api/v1/alerts/stream", Set.of()),
          Map.entry("GET /api/v1/hooks", Set.of()),
          Map.entry("PUT /api/v1/hooks/{name}", Set.of()),
          Map.entry("GET /api/v1/hooks/{name}", Set.of()),
          Map.entry("DELETE /api/v1/hooks/{name}", Set.of()),
          Map.entry("GET /api/v1/hooks/{name}/deliveries", Set.of()),
          Map.entry("GET /reports/weekly", Set.of("region", "week", "format")),
          Map.entry("GET /api/v1/audit", Set.of("from", "to", "unit", "who", "format")));

  private static SwaggerParseResult parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  @Test
  void theDocumentIsValidOpenApi31() {
    SwaggerParseResult result = parse(OpenApi.text());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(result.getOpenAPI().getPaths()).hasSize(DOC.path("paths").size());
  }

  /** The validator can fail: an operation without responses and a dangling $ref are reported. */
  @Test
  void theValidatorReportsAnOperationWithoutResponses() {
    ObjectNode broken = DOC.deepCopy();
    ((ObjectNode) broken.at("/paths/~1api~1v1~1health/get")).remove("responses");

    assertThat(parse(broken.toString()).getMessages())
        .anySatisfy(m -> assertThat(m).contains("responses"));
  }

  @Test
  void everyRefResolvesWithinTheDocument() {
    List<String> refs = new ArrayList<>();
    collectRefs(DOC, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("a local ref").startsWith("#/");
      assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
    }
  }

  @Test
  void everyOperationHasAnIdSuccessAndErrorAnswersInTheErrorShape() {
    Set<String> ids = new TreeSet<>();
    for (OpenApi.Operation op : OpenApi.operations(DOC)) {
      assertThat(ids.add(op.node().path("operationId").asText()))
          .as(op.route() + " has an operationId of its own")
          .isTrue();
      JsonNode responses = op.node().path("responses");
      List<String> codes = new ArrayList<>();
      responses.fieldNames().forEachRemaining(codes::add);
      assertThat(codes).as(op.route()).anyMatch(c -> c.startsWith("2"));
      // every route answers 400 to a token in the query string
      assertThat(codes).as(op.route()).contains("400");
      for (String code : codes) {
        if (code.startsWith("2") || op.route().equals("GET /api/v1/health")) continue;
        JsonNode schema =
            OpenApi.resolve(DOC, responses.get(code)).at("/content/application~1json/schema");
        assertThat(schema.path("$ref").asText())
            .as(op.route() + " " + code)
            .isEqualTo("#/components/schemas/Error");
      }
    }
  }

  @Test
  void everyPathTemplateIsARequiredPathParameterAndNoOther() {
    for (OpenApi.Operation op : OpenApi.operations(DOC)) {
      assertThat(op.parameterNames(DOC, "path"))
          .as(op.route())
          .isEqualTo(OpenApi.templateNames(op.path()));
      for (JsonNode p : op.parameters(DOC)) {
        assertThat(p.path("schema").isObject()).as(op.route() + " " + p.path("name")).isTrue();
        if (p.path("in").asText().equals("path")) {
          assertThat(p.path("required").asBoolean()).as(op.route() + " " + p).isTrue();
        }
      }
    }
  }

  @Test
  void theQueryParametersOfEachOperationAreThoseItsHandlerReads() {
    Map<String, Set<String>> documented = new TreeMap<>();
    for (OpenApi.Operation op : OpenApi.operations(DOC)) {
      documented.put(op.route(), op.parameterNames(DOC, "query"));
    }

    assertThat(documented).isEqualTo(new TreeMap<>(HANDLER_QUERIES));
  }

  @Test
  void theErrorShapeIsStatusAndFieldReasons() {
    JsonNode error = DOC.at("/components/schemas/Error");

    assertThat(error.path("required").toString()).isEqualTo("[\"status\",\"errors\"]");
    assertThat(error.at("/properties/errors/items/type").asText()).isEqualTo("string");
    assertThat(DOC.at("/components/securitySchemes/session/name").asText())
        .isEqualTo("pantau_session");
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asText());
                else collectRefs(e.getValue(), refs);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}

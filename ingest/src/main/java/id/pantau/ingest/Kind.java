package id.pantau.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What ingest needs to know of one kind of reference data to take it, one or many at a time: how to
 * read and validate it, its Kafka topic and key, what in it the token's scope concerns, and how to
 * say that an upload names the same record twice. {@link Uploads} does the rest the same way for
 * every kind.
 *
 * @param noun the kind in a message, plural: "units", "zone changes"
 * @param one one record in a message: "the unit"
 * @param csv how rows of a CSV upload become the kind's JSON, or null when CSV is not taken
 * @param ndjson whether an upload may also come as NDJSON
 * @param arrayOnly whether a bulk JSON body must be an array (else one object is one row)
 * @param duplicate the error when a row repeats an earlier one's key: (value, where the first was)
 * @param target what the record changes, for the token's scope: (where, value)
 * @param prepare applied to each record just before it is published (e.g. a default time)
 * @param published told each record once Kafka acknowledged it
 */
record Kind<T>(
    String noun,
    String one,
    Class<T> type,
    Function<T, List<String>> validator,
    Function<T, String> key,
    String topic,
    Csv csv,
    boolean ndjson,
    boolean arrayOnly,
    BiFunction<T, String, String> duplicate,
    BiFunction<String, T, Scope.Target> target,
    Consumer<T> prepare,
    Consumer<T> published) {

  /**
   * CSV rows of a kind: the columns taken (any order and case), those required, how a row of
   * strings becomes the kind's JSON (conversion errors added as "column: reason"), and how a
   * validation error's JSON field is named as the column.
   */
  record Csv(
      List<String> columns,
      List<String> required,
      BiFunction<ObjectNode, List<String>, ObjectNode> toJson,
      UnaryOperator<String> columnName) {}
}

package id.pantau.api;

/** An answer given as JSON, or as CSV for {@code ?format=csv}. */
public interface CsvAnswer {
  /** RFC 4180 CSV ({@link Csv}): a header row, then the rows. */
  String csv();
}

package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.events.TimeBounds;
import id.pantau.events.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units' CSV as ingest reads it: {@link Rows#fromCsv}, {@link UnitCsv}, then the units' kind. */
class UnitCsvTest {
  static final Kind<Unit> UNITS =
      new ReferenceKinds(
              new ClockGuard(TimeBounds.DEFAULT, TestData.clock()),
              TestData.clock(),
              new UnitDirectory(null))
          .units;

  /** One data row: its line and either the unit or the reasons, each prefixed "line N: ". */
  record Parsed(int line, Unit unit, List<String> errors) {
    boolean isOk() {
      return errors.isEmpty();
    }
  }

  static List<Parsed> parse(String text, int maxRows) {
    List<Parsed> parsed = new ArrayList<>();
    for (Rows.Row row :
        Rows.fromCsv(
            text.getBytes(StandardCharsets.UTF_8), UnitCsv.COLUMNS, UnitCsv.REQUIRED, maxRows)) {
      List<String> errors = new ArrayList<>();
      Unit unit = row.error() != null ? null : Uploads.decode(UNITS, row, errors);
      if (row.error() != null) errors.add(row.error());
      int line = Integer.parseInt(row.where().substring("line ".length()));
      parsed.add(new Parsed(line, unit, errors.stream().map(e -> row.where() + ": " + e).toList()));
    }
    return parsed;
  }

  private static final String HEADER =
      "name,unitId,region,timeZone,headcount,essential,minPresent,officeLat,officeLon,officeRadiusM\n";

  @Test
  void readsUnitsWithQuotedNamesAndAnOfficeCircle() {
    List<Parsed> parsed =
        parse(
            HEADER
                + "\"Dinas Kependudukan, Catatan Sipil\",tng-disdukcapil,kota-tangerang,Asia/Jakarta,120,true,30,-6.1783,106.6319,150\n"
                + "Bappeda,tng-bappeda,kota-tangerang,Asia/Jakarta,60,false,,,,\n",
            100);
    assertThat(parsed).allMatch(Parsed::isOk);
    assertThat(parsed.get(0).unit().name).isEqualTo("Dinas Kependudukan, Catatan Sipil");
    assertThat(parsed.get(0).unit().essential).isTrue();
    assertThat(parsed.get(0).unit().office.radiusM).isEqualTo(150.0);
    assertThat(parsed.get(1).unit().office).isNull();
    assertThat(parsed.get(1).unit().minPresent).isNull();
    assertThat(parsed).extracting(Parsed::line).containsExactly(2, 3);
  }

  @Test
  void namesTheLineAndTheColumnOfEachBadCell() {
    List<Parsed> parsed =
        parse(
            HEADER
                + "A,u-a,r1,Asia/Jakarta,10,true,2,,,\n"
                + "B,u-b,r1,Asia/Jakarta,ten,maybe,2,-6.2,,50\n",
            100);
    assertThat(parsed.get(0).isOk()).isTrue();
    assertThat(parsed.get(1).errors())
        .contains(
            "line 3: headcount: must be an integer (got 'ten')",
            "line 3: essential: must be true or false (got 'maybe')",
            "line 3: officeLon: is required, -180 to 180")
        .noneMatch(e -> e.startsWith("line 3: headcount: is required"));
  }

  @Test
  void acceptsColumnsInAnyOrderSemicolonsAndDecimalCommas() {
    List<Parsed> parsed =
        parse(
            "\uFEFFunitId;headcount;name;region;timeZone;officeLat;officeLon;officeRadiusM\r\n"
                + "u-1;10;Kecamatan Ciledug;kota-tangerang;Asia/Jakarta;-6,23;106,71;100\r\n"
                + ";;;;;;;\r\n",
            100);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).errors()).isEmpty();
    assertThat(parsed.get(0).unit().office.lat).isEqualTo(-6.23);
  }

  @Test
  void refusesAHeaderThatLacksARequiredColumnOrNamesAnUnknownOne() {
    assertThatThrownBy(
            () -> parse("name,unitId,region,timeZone,colour\nA,u,r,Asia/Jakarta,red\n", 10))
        .isInstanceOfSatisfying(
            IngestException.class,
            e ->
                assertThat(e.errors())
                    .anyMatch(s -> s.startsWith("line 1: unknown column 'colour'"))
                    .contains("line 1: the header lacks the column 'headcount'"));
  }

  @Test
  void refusesAnUnclosedQuoteWithItsLine() {
    assertThatThrownBy(() -> parse(HEADER + "\"Dinas,u,r,Asia/Jakarta,1,,,,,\n", 10))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> assertThat(e.errors()).containsExactly("line 2: a quoted cell is never closed"));
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    String csv = HEADER + "A,u1,r,Asia/Jakarta,1,,,,,\n" + "B,u2,r,Asia/Jakarta,1,,,,,\n";
    assertThatThrownBy(() -> parse(csv, 1))
        .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void aQuotedCellMaySpanLinesAndTheRowKeepsItsFirstLine() {
    List<Parsed> parsed = parse(HEADER + "\"Dinas\nKesehatan\",u1,r,Asia/Jakarta,x,,,,,\n", 10);
    assertThat(parsed.get(0).errors())
        .containsExactly("line 2: headcount: must be an integer (got 'x')");
  }
}

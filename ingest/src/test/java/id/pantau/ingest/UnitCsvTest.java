package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitCsvTest {
  private static final String HEADER =
      "name,unitId,region,timeZone,headcount,essential,minPresent,officeLat,officeLon,officeRadiusM\n";

  @Test
  void readsUnitsWithQuotedNamesAndAnOfficeCircle() {
    List<UnitCsv.Parsed> parsed =
        UnitCsv.parse(
            HEADER
                + "\"Dinas Kependudukan, Catatan Sipil\",tng-disdukcapil,kota-tangerang,Asia/Jakarta,120,true,30,-6.1783,106.6319,150\n"
                + "Bappeda,tng-bappeda,kota-tangerang,Asia/Jakarta,60,false,,,,\n",
            100);
    assertThat(parsed).allMatch(UnitCsv.Parsed::isOk);
    assertThat(parsed.get(0).unit().name).isEqualTo("Dinas Kependudukan, Catatan Sipil");
    assertThat(parsed.get(0).unit().essential).isTrue();
    assertThat(parsed.get(0).unit().office.radiusM).isEqualTo(150.0);
    assertThat(parsed.get(1).unit().office).isNull();
    assertThat(parsed.get(1).unit().minPresent).isNull();
    assertThat(parsed).extracting(UnitCsv.Parsed::line).containsExactly(2, 3);
  }

  @Test
  void namesTheLineAndTheColumnOfEachBadCell() {
    List<UnitCsv.Parsed> parsed =
        UnitCsv.parse(
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
    List<UnitCsv.Parsed> parsed =
        UnitCsv.parse(
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
            () -> UnitCsv.parse("name,unitId,region,timeZone,colour\nA,u,r,Asia/Jakarta,red\n", 10))
        .isInstanceOfSatisfying(
            IngestException.class,
            e ->
                assertThat(e.errors())
                    .anyMatch(s -> s.startsWith("line 1: unknown column 'colour'"))
                    .contains("line 1: the header lacks the column 'headcount'"));
  }

  @Test
  void refusesAnUnclosedQuoteWithItsLine() {
    assertThatThrownBy(() -> UnitCsv.parse(HEADER + "\"Dinas,u,r,Asia/Jakarta,1,,,,,\n", 10))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> assertThat(e.errors()).containsExactly("line 2: a quoted cell is never closed"));
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    String csv = HEADER + "A,u1,r,Asia/Jakarta,1,,,,,\n" + "B,u2,r,Asia/Jakarta,1,,,,,\n";
    assertThatThrownBy(() -> UnitCsv.parse(csv, 1))
        .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void aQuotedCellMaySpanLinesAndTheRowKeepsItsFirstLine() {
    List<UnitCsv.Parsed> parsed =
        UnitCsv.parse(HEADER + "\"Dinas\nKesehatan\",u1,r,Asia/Jakarta,x,,,,,\n", 10);
    assertThat(parsed.get(0).errors())
        .containsExactly("line 2: headcount: must be an integer (got 'x')");
  }
}

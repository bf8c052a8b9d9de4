package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.Browser;
import java.util.List;
import org.openqa.selenium.WebElement;

/** The live board as the browser tests read it: a unit's row and what it must show. */
public final class Board {
  private Board() {}

  /** The CSS selector of the unit's row. */
  public static String row(String unit) {
    return "#units tbody tr[data-unit='" + unit + "']";
  }

  public static String text(Browser b, String css) {
    return b.find(css).getText().strip();
  }

  /**
   * The unit's row shows the numbers of its entry {@code u} of {@code GET /api/v1/occupancy}:
   * present, headcount, share, cap and floor (none when null), the status (also in words).
   */
  public static void assertRowShows(Browser b, JsonNode u) {
    String unit = u.get("unit").asText();
    String r = row(unit);
    assertThat(text(b, r + " [data-field=present]")).as(unit).isEqualTo(u.get("present").asText());
    assertThat(text(b, r + " [data-field=headcount]"))
        .as(unit)
        .isEqualTo(u.get("headcount").asText());
    assertThat(text(b, r + " [data-field=share]"))
        .as(unit)
        .isEqualTo(Math.round(u.get("share").asDouble() * 100) + "%");
    for (String limit : List.of("cap", "floor")) {
      List<WebElement> shown = b.findAll(r + " [data-field=" + limit + "]");
      if (u.get(limit).isNull()) {
        assertThat(shown).as(unit + " " + limit).isEmpty();
      } else {
        assertThat(shown.get(0).getText()).as(unit + " " + limit).isEqualTo(u.get(limit).asText());
      }
    }
    WebElement status = b.find(r + " [data-field=status]");
    assertThat(status.getAttribute("data-value")).as(unit).isEqualTo(u.get("status").asText());
    assertThat(status.getText()).as("status in words, not colour alone").isNotBlank();
  }
}

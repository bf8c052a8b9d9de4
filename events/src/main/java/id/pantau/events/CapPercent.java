package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Share of a unit's headcount allowed in the office, per zone level and for an exposed unit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapPercent {
  @JsonProperty("LOW")
  public Integer low;

  @JsonProperty("MEDIUM")
  public Integer medium;

  @JsonProperty("HIGH")
  public Integer high;

  @JsonProperty("EXPOSED")
  public Integer exposed;

  public CapPercent() {}

  public CapPercent(int low, int medium, int high, int exposed) {
    this.low = low;
    this.medium = medium;
    this.high = high;
    this.exposed = exposed;
  }

  void validate(List<String> errors) {
    check("capPercent.LOW", low, errors);
    check("capPercent.MEDIUM", medium, errors);
    check("capPercent.HIGH", high, errors);
    check("capPercent.EXPOSED", exposed, errors);
  }

  private static void check(String field, Integer v, List<String> errors) {
    if (v != null && (v < 0 || v > 100)) errors.add(field + ": must be 0 to 100");
  }

  /** This, with the fields left out taken from the base. */
  public CapPercent over(CapPercent base) {
    CapPercent c = new CapPercent();
    c.low = low != null ? low : base.low;
    c.medium = medium != null ? medium : base.medium;
    c.high = high != null ? high : base.high;
    c.exposed = exposed != null ? exposed : base.exposed;
    return c;
  }

  public int forLevel(ZoneLevel level) {
    return switch (level) {
      case LOW -> low;
      case MEDIUM -> medium;
      case HIGH -> high;
    };
  }
}

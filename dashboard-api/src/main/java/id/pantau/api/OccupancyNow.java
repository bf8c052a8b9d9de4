package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer of GET /api/v1/occupancy: when it was asked, and every unit the caller may see. */
@JsonPropertyOrder({"asOf", "units"})
public record OccupancyNow(String asOf, List<OccupancyRow> units) {}

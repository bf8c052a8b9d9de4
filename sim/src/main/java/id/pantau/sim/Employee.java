package id.pantau.sim;

/**
 * A civil servant of the simulated city.
 *
 * @param nip 18 digits: birth date yyyyMMdd, appointment yyyyMM, sex (1 male, 2 female), sequence
 * @param deviceId the id of the phone the attendance app runs on
 * @param homeLat latitude of home, inside the region; where WFH fixes come from
 * @param homeLon longitude of home
 * @param arrivalBiasMin how much earlier (negative) or later this person usually arrives, minutes
 * @param diligence the chance that this person shares a WFH location ping within its window
 * @param crew the shift crew (regu, 0–3) of a round-the-clock unit's operational staff, or -1 for
 *     staff who keep office hours; see {@link Shift#ofCrew(int, long)}
 */
public record Employee(
    String nip,
    String unitId,
    String regionId,
    String deviceId,
    double homeLat,
    double homeLon,
    double arrivalBiasMin,
    double diligence,
    int crew) {

  /** True for staff on the round-the-clock rota of their unit. */
  public boolean onRota() {
    return crew >= 0;
  }
}

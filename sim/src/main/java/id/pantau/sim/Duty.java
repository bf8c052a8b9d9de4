package id.pantau.sim;

/**
 * How a unit works beyond the office day: a round-the-clock rota for its operational staff and
 * field duty that takes staff out of the office for a while.
 *
 * @param shiftShare share of the headcount on the round-the-clock rota (four crews rotating pagi
 *     07–15, siang 15–23, malam 23–07 and libur); 0 for units that keep office hours only
 * @param shiftTripsPerHour how often a person on shift goes out (calls, ambulance runs, patrols),
 *     per hour present; the unit sends them out in teams
 * @param teamMin the fewest who go out together
 * @param teamMax the most who go out together
 * @param officeTripsPerHour how often a person working office hours in the office goes out on a
 *     field visit (monitoring, jemput bola, posyandu, meetings elsewhere), per hour present
 */
public record Duty(
    double shiftShare,
    double shiftTripsPerHour,
    int teamMin,
    int teamMax,
    double officeTripsPerHour) {

  public Duty {
    if (shiftShare < 0 || shiftShare > 0.9) throw new IllegalArgumentException("shiftShare");
    if (teamMin < 1 || teamMax < teamMin) throw new IllegalArgumentException("team");
  }

  /** Office hours only, with the odd field visit or meeting elsewhere (dinas luar). */
  static final Duty OFFICE = new Duty(0, 0, 1, 2, 0.02);

  /** Office hours with regular field visits (DLH, DPUPR, Dinsos, Disdukcapil jemput bola). */
  static final Duty FIELD_OFFICE = new Duty(0, 0, 1, 3, 0.06);

  /** Kecamatan and distrik staff out in the kelurahan. */
  static final Duty KECAMATAN = new Duty(0, 0, 1, 3, 0.08);

  /** Kelurahan staff visiting RT/RW, posyandu and residents. */
  static final Duty KELURAHAN = new Duty(0, 0, 1, 2, 0.12);

  /** A puskesmas without a 24-hour emergency room: posyandu and home visits in the day. */
  static final Duty PUSKESMAS = new Duty(0, 0, 1, 2, 0.10);

  /** A puskesmas rawat inap with a 24-hour emergency room: referrals and home visits. */
  static final Duty PUSKESMAS_24H = new Duty(0.50, 1.00, 1, 2, 0.10);

  /** Dinas Kesehatan with its Public Safety Center 119: ambulance teams round the clock. */
  static final Duty DINKES_PSC = new Duty(0.30, 1.40, 1, 3, 0.04);

  /** The fire brigade: regu on shift, out on fire and rescue calls and hydrant patrols. */
  static final Duty DAMKAR = new Duty(0.80, 1.10, 2, 4, 0.05);

  /** The city hospital: wards round the clock, ambulance transfers. */
  static final Duty RSUD = new Duty(0.65, 0.70, 1, 2, 0.02);

  /** Satpol PP: piket 24 jam and patrols, also at night. */
  static final Duty SATPOLPP = new Duty(0.50, 1.50, 2, 4, 0.15);

  /** Dinas Perhubungan: traffic duty, terminals, night operations. */
  static final Duty DISHUB = new Duty(0.45, 1.40, 1, 3, 0.12);

  /** BPBD with its Pusdalops (operations centre) on duty round the clock. */
  static final Duty BPBD = new Duty(0.20, 0.90, 2, 3, 0.06);

  /** True when some of the unit's staff work shifts round the clock. */
  public boolean roundTheClock() {
    return shiftShare > 0;
  }

  double meanTeam() {
    return (teamMin + teamMax) / 2.0;
  }
}

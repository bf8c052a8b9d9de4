package id.pantau.sim;

import id.pantau.events.Env;
import java.util.Map;

/**
 * What a simulated city is made from: a seed, the number of units and the number of staff. The same
 * config always builds the same {@link City}.
 *
 * @param seed everything random in the city and its days derives from it
 * @param units number of units (OPD), spread over the three regions
 * @param staff number of employees; headcounts (10–250 a unit) sum to it
 * @param workWeekends when true (the demo default) every day is a working day, so the live board
 *     moves whenever the demo runs; when false Saturdays and Sundays keep only the piket of
 *     essential units
 */
public record CityConfig(long seed, int units, int staff, boolean workWeekends) {
  /** 18 March 2020, the day Kota Tangerang Selatan sent its ASN home (seeds/000). */
  public static final long DEFAULT_SEED = 20200318L;

  public static final int DEFAULT_UNITS = 24;
  public static final int DEFAULT_STAFF = 2_400;
  public static final int MIN_HEADCOUNT = 10;
  public static final int MAX_HEADCOUNT = 250;

  public CityConfig {
    if (units < Catalogue.REGIONS.size()) {
      throw new IllegalArgumentException(
          "units: need at least " + Catalogue.REGIONS.size() + " (one per region), got " + units);
    }
    if (units > Catalogue.maxUnits()) {
      throw new IllegalArgumentException(
          "units: the catalogue of real unit names holds at most "
              + Catalogue.maxUnits()
              + ", got "
              + units);
    }
    if (staff < units * MIN_HEADCOUNT || staff > units * MAX_HEADCOUNT) {
      throw new IllegalArgumentException(
          "staff: "
              + units
              + " units of "
              + MIN_HEADCOUNT
              + "–"
              + MAX_HEADCOUNT
              + " staff need "
              + units * MIN_HEADCOUNT
              + "–"
              + units * MAX_HEADCOUNT
              + ", got "
              + staff);
    }
  }

  /** 24 units, 2,400 staff, the default seed, working every day. */
  public static CityConfig defaults() {
    return new CityConfig(DEFAULT_SEED, DEFAULT_UNITS, DEFAULT_STAFF, true);
  }

  public CityConfig withSeed(long seed) {
    return new CityConfig(seed, units, staff, workWeekends);
  }

  public CityConfig withSize(int units, int staff) {
    return new CityConfig(seed, units, staff, workWeekends);
  }

  public CityConfig withWorkWeekends(boolean workWeekends) {
    return new CityConfig(seed, units, staff, workWeekends);
  }

  /**
   * The defaults, overridden by PANTAU_SIM_SEED, PANTAU_SIM_UNITS, PANTAU_SIM_STAFF and
   * PANTAU_SIM_WORK_WEEKENDS (true/false) when set.
   */
  public static CityConfig fromEnv(Map<String, String> env) {
    CityConfig d = defaults();
    return new CityConfig(
        Env.number(env, "PANTAU_SIM_SEED", d.seed()),
        (int) Env.number(env, "PANTAU_SIM_UNITS", d.units()),
        (int) Env.number(env, "PANTAU_SIM_STAFF", d.staff()),
        Env.flag(env, "PANTAU_SIM_WORK_WEEKENDS", d.workWeekends()));
  }
}

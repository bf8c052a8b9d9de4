package id.pantau.compliance;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One fact about an employee, keyed by NIP: a check-in or -out, a location ping, a roster row.
 * Every one crosses the NIP shuffle, so Flink writes it with {@link EmployeeFactSerializer} (every
 * field, by hand), not as a POJO. Not kept in state.
 */
@TypeInfo(EmployeeFactSerializer.Factory.class)
public class EmployeeFact {
  public AttendanceEvent attendance;
  public LocationPing ping;
  public RosterEntry roster;

  public EmployeeFact() {}

  public static EmployeeFact of(AttendanceEvent e) {
    EmployeeFact f = new EmployeeFact();
    f.attendance = e;
    return f;
  }

  public static EmployeeFact of(LocationPing p) {
    EmployeeFact f = new EmployeeFact();
    f.ping = p;
    return f;
  }

  public static EmployeeFact of(RosterEntry r) {
    EmployeeFact f = new EmployeeFact();
    f.roster = r;
    return f;
  }

  public String nip() {
    if (attendance != null) return attendance.nip;
    if (ping != null) return ping.nip;
    return roster.nip;
  }
}

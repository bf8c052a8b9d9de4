package id.pantau.compliance;

import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.serial.CompactSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact serializer for {@link CheckinState}: variable-length numbers, times as deltas from the
 * one before, and the strings that repeat within an employee's state (unit, region, zone, date)
 * written once and referred to after. Keeps a checkpoint's bytes per employee small.
 */
final class CheckinStateSerializer extends CompactSerializer<CheckinState> {
  private static final long serialVersionUID = 1L;
  private static final RosterMode[] MODES = RosterMode.values();
  private static final ComplianceStatus[] STATUSES = ComplianceStatus.values();

  @Override
  public CheckinState createInstance() {
    return new CheckinState();
  }

  /** Days and their window lists are changed in place; marks and window results never are. */
  @Override
  public CheckinState copy(CheckinState from) {
    List<Day> days = new ArrayList<>(from.days.size());
    for (Day d : from.days) {
      Day c = new Day(d.roster);
      c.waitUntilMs = d.waitUntilMs;
      c.windows = new ArrayList<>(d.windows);
      c.plan = d.plan;
      c.unit = d.unit;
      c.refVersion = d.refVersion;
      days.add(c);
    }
    return new CheckinState(days, new ArrayList<>(from.marks));
  }

  @Override
  public void serialize(CheckinState s, DataOutputView out) throws IOException {
    Strings strings = new Strings();
    varint(out, s.days.size());
    for (Day d : s.days) {
      RosterEntry r = d.roster;
      strings.write(out, r.nip);
      strings.write(out, r.unitId);
      strings.write(out, r.date);
      out.writeByte(r.mode == null ? -1 : r.mode.ordinal());
      strings.write(out, r.homeRegion);
      strings.write(out, r.shiftStart);
      varlong(out, d.waitUntilMs);
      varint(out, d.windows.size());
      for (WindowState w : d.windows) {
        strings.write(out, w.window);
        strings.write(out, w.unitId);
        strings.write(out, w.region);
        strings.write(out, w.timeZone);
        out.writeByte(w.status.ordinal());
        out.writeBoolean(w.checkinAt != null);
        if (w.checkinAt != null) varlong(out, zigzag(w.checkinAt - w.windowStartMs));
        out.writeLong(w.windowStartMs);
        varlong(out, zigzag(w.windowEndMs - w.windowStartMs));
        varlong(out, zigzag(w.decideAtMs - w.windowEndMs));
        varlong(out, zigzag(w.countAtMs - w.windowEndMs));
        varlong(out, zigzag(w.dropAtMs - w.decideAtMs));
      }
    }
    varint(out, s.marks.size());
    for (Mark m : s.marks) {
      out.writeUTF(m.eventId);
      out.writeLong(m.timeMs);
      varlong(out, zigzag(m.receivedMs - m.timeMs));
      out.writeBoolean(m.ping);
      varlong(out, zigzag(m.dropAtMs - m.timeMs));
    }
  }

  @Override
  public CheckinState deserialize(DataInputView in) throws IOException {
    Strings strings = new Strings();
    int dayCount = varint(in);
    List<Day> days = new ArrayList<>(Math.max(2, dayCount));
    for (int i = 0; i < dayCount; i++) {
      RosterEntry r = new RosterEntry();
      r.nip = strings.read(in);
      r.unitId = strings.read(in);
      r.date = strings.read(in);
      byte mode = in.readByte();
      r.mode = mode < 0 ? null : MODES[mode];
      r.homeRegion = strings.read(in);
      r.shiftStart = strings.read(in);
      Day d = new Day(r);
      d.waitUntilMs = varlong(in);
      int windowCount = varint(in);
      for (int j = 0; j < windowCount; j++) {
        WindowState w = new WindowState();
        w.window = strings.read(in);
        w.unitId = strings.read(in);
        w.region = strings.read(in);
        w.timeZone = strings.read(in);
        w.status = STATUSES[in.readByte()];
        boolean checkedIn = in.readBoolean();
        long checkinDelta = checkedIn ? unzigzag(varlong(in)) : 0;
        w.windowStartMs = in.readLong();
        if (checkedIn) w.checkinAt = w.windowStartMs + checkinDelta;
        w.windowEndMs = w.windowStartMs + unzigzag(varlong(in));
        w.decideAtMs = w.windowEndMs + unzigzag(varlong(in));
        w.countAtMs = w.windowEndMs + unzigzag(varlong(in));
        w.dropAtMs = w.decideAtMs + unzigzag(varlong(in));
        d.windows.add(w);
      }
      days.add(d);
    }
    int markCount = varint(in);
    List<Mark> marks = new ArrayList<>(markCount);
    for (int i = 0; i < markCount; i++) {
      String eventId = in.readUTF();
      long time = in.readLong();
      long received = time + unzigzag(varlong(in));
      boolean ping = in.readBoolean();
      long dropAt = time + unzigzag(varlong(in));
      marks.add(new Mark(eventId, time, received, ping, dropAt));
    }
    return new CheckinState(days, marks);
  }

  @Override
  public TypeSerializerSnapshot<CheckinState> snapshotConfiguration() {
    return new Snapshot();
  }

  /**
   * Restores the serializer from a checkpoint: a class of its own, as checkpoints keep its name;
   * the format has one version so far.
   */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<CheckinState> {
    public Snapshot() {
      super(CheckinStateSerializer::new);
    }
  }

  /** Strings written once per state and referred to by number after: 0 null, 1 new, n+2 the nth. */
  private static final class Strings {
    private final List<String> seen = new ArrayList<>(8);

    void write(DataOutputView out, String s) throws IOException {
      if (s == null) {
        out.writeByte(0);
        return;
      }
      int i = seen.indexOf(s);
      if (i >= 0) {
        varint(out, i + 2);
        return;
      }
      out.writeByte(1);
      out.writeUTF(s);
      seen.add(s);
    }

    String read(DataInputView in) throws IOException {
      int n = varint(in);
      if (n == 0) return null;
      if (n >= 2) return seen.get(n - 2);
      String s = in.readUTF();
      seen.add(s);
      return s;
    }
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static void varint(DataOutputView out, int v) throws IOException {
    varlong(out, v & 0xFFFFFFFFL);
  }

  private static int varint(DataInputView in) throws IOException {
    return (int) varlong(in);
  }

  private static void varlong(DataOutputView out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long varlong(DataInputView in) throws IOException {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = in.readByte();
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) return v;
    }
  }
}

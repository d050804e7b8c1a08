package org.cxalign.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's CPU time between two moments, from the first line of Linux's {@code /proc/stat}
 * (every core, in clock ticks): how much of it ran work, stood idle, or was taken by the hypervisor
 * for other guests ({@code steal}). On a shared virtual machine the steal decides how much CPU a
 * benchmark had; a figure measured with 30% stolen says little about the code.
 */
final class MachineCpu {

  private final long[] start;

  private MachineCpu(long[] start) {
    this.start = start;
  }

  /** Starts measuring now; {@code null} where there is no {@code /proc/stat}. */
  static MachineCpu start() {
    long[] now = read();
    return now == null ? null : new MachineCpu(now);
  }

  /**
   * Shares of the machine since {@link #start}: e.g. {@code busy 83.1%, idle 4.2%, steal 12.7%}
   * (busy counts user, nice, system, irq and softirq; idle counts iowait).
   */
  String since() {
    long[] end = read();
    if (end == null) {
      return "unknown";
    }
    double total = end[0] - start[0];
    if (total <= 0) {
      return "unknown";
    }
    double idle = (end[1] - start[1]) / total;
    double steal = (end[2] - start[2]) / total;
    return String.format(
        Locale.ROOT,
        "busy %.1f%%, idle %.1f%%, steal %.1f%%",
        100 * (1 - idle - steal),
        100 * idle,
        100 * steal);
  }

  /** {total, idle + iowait, steal} of the {@code cpu} line, or null. */
  private static long[] read() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      if (!"cpu".equals(f[0]) || f.length < 9) {
        return null;
      }
      long total = 0;
      // user nice system idle iowait irq softirq steal (guest time is counted in user already)
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

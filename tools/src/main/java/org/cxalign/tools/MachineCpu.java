package org.cxalign.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The machine's CPU time between two moments, from the first line of Linux's {@code /proc/stat}
 * (every core, in clock ticks): how much of it ran work, stood idle, or was taken by the hypervisor
 * for other guests ({@code steal}). On a shared virtual machine the steal decides how much CPU a
 * benchmark had; a figure measured with 30% stolen says little about the code. And the same per
 * group of processes ({@code /proc/<pid>/stat}): WildFly, PostgreSQL, Keycloak, this load
 * generator, the rest, so that a change can be seen in the process it changed.
 */
final class MachineCpu {

  private static final long SELF = ProcessHandle.current().pid();

  /** A process's group and its CPU so far (clock ticks). */
  private record Used(String group, long ticks) {}

  private final long[] start;
  private final Map<Long, Used> startTicks;

  private MachineCpu(long[] start, Map<Long, Used> startTicks) {
    this.start = start;
    this.startTicks = startTicks;
  }

  /** The machine's shares ({@link #since}) and each group's ({@link #byProcess}) of an interval. */
  record Reading(String machine, Map<String, Double> processes) {}

  /** An interval being measured on a daemon thread of its own ({@link #watch}). */
  static final class Watch {
    private final Thread thread;
    private volatile Reading reading = new Reading("unknown", Map.of());

    private Watch(long fromNanos, long untilNanos) {
      thread =
          new Thread(
              () -> {
                MachineCpu cpu = null;
                try {
                  sleepUntil(fromNanos);
                  cpu = start();
                  sleepUntil(untilNanos);
                } catch (InterruptedException e) {
                  // stopped early: measured up to now, or unknown if it had not begun
                }
                if (cpu != null) {
                  Map<String, Double> processes = cpu.byProcess();
                  reading = new Reading(cpu.since(), processes);
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    /** The reading once the interval has ended. */
    Reading await() throws InterruptedException {
      thread.join();
      return reading;
    }

    /** Ends the interval now (or before it began: unknown) and returns its reading. */
    Reading stopNow() throws InterruptedException {
      thread.interrupt();
      return await();
    }
  }

  /**
   * Measures from {@code fromNanos} to {@code untilNanos} ({@link System#nanoTime}) on a thread of
   * its own, so that the end is read when it comes: before the measured work's processes end.
   */
  static Watch watch(long fromNanos, long untilNanos) {
    return new Watch(fromNanos, untilNanos);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  /** Starts measuring now; {@code null} where there is no {@code /proc/stat}. */
  static MachineCpu start() {
    Map<Long, Used> ticks = processTicks();
    long[] now = read();
    return now == null ? null : new MachineCpu(now, ticks);
  }

  /**
   * Each group's CPU since {@link #start} as a share of the whole machine (all cores; 0.5 on two
   * cores is one core), by name: "WildFly", "PostgreSQL", "Keycloak", "load generator", "other",
   * and "ended meanwhile": the machine's busy time that no process still running accounts for (a
   * process that ended inside the interval); a process that started is counted from its start.
   */
  Map<String, Double> byProcess() {
    Map<Long, Used> end = processTicks();
    long[] machine = read();
    Map<String, Double> shares = new TreeMap<>();
    if (machine == null || machine[0] <= start[0]) {
      return shares;
    }
    double total = machine[0] - start[0];
    double seen = 0;
    for (Map.Entry<Long, Used> e : end.entrySet()) {
      Used before = startTicks.get(e.getKey());
      long used = e.getValue().ticks() - (before == null ? 0 : before.ticks());
      if (used > 0) {
        shares.merge(e.getValue().group(), used / total, Double::sum);
        seen += used / total;
      }
    }
    // busy time of processes that ended inside the interval (PostgreSQL's autovacuum workers,
    // short commands): counted by /proc/stat, gone from /proc/<pid>
    double busy = 1 - (machine[1] - start[1]) / total - (machine[2] - start[2]) / total;
    if (busy - seen > 0.005) {
      shares.put("ended meanwhile", busy - seen);
    }
    return shares;
  }

  /** The group of a process, from its command name and line; null when it has ended. */
  static String group(long pid) {
    if (pid == SELF) {
      return "load generator";
    }
    try {
      String comm = Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
      String cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
      return group(comm, cmd);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The group of a process by its command name ({@code comm}) and command line. */
  static String group(String comm, String cmdline) {
    if (comm.startsWith("postgres")) {
      return "PostgreSQL";
    }
    if (cmdline.contains("-Djboss.server.base.dir=") || cmdline.contains("jboss-modules.jar")) {
      return "WildFly";
    }
    if (cmdline.contains("keycloak") || cmdline.contains("quarkus")) {
      return "Keycloak";
    }
    return "other";
  }

  /**
   * The group and utime + stime (clock ticks) of every process now, by pid; the group is read with
   * the ticks, so that a process ending meanwhile (a database backend whose connection just closed)
   * is left out rather than counted as "other".
   */
  private static Map<Long, Used> processTicks() {
    Map<Long, Used> ticks = new HashMap<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      List<Path> pids =
          dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
              .toList();
      for (Path d : pids) {
        try {
          long pid = Long.parseLong(d.getFileName().toString());
          Long t = ticks(Files.readString(d.resolve("stat")));
          String group = group(pid);
          if (t != null && group != null) {
            ticks.put(pid, new Used(group, t));
          }
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc: nothing by process
    }
    return ticks;
  }

  /**
   * utime + stime of one {@code /proc/<pid>/stat} line (fields 14 and 15; the command name, field
   * 2, is in parentheses and may hold spaces), or null.
   */
  static Long ticks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return null;
    }
    String[] f = stat.substring(close + 2).trim().split("\\s+");
    // f[0] is field 3 (state): utime is field 14 = f[11], stime field 15 = f[12]
    if (f.length < 13) {
      return null;
    }
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
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

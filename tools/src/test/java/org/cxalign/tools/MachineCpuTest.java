package org.cxalign.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsing and grouping behind the benchmarks' CPU lines (MachineCpu, IngestBench). */
class MachineCpuTest {

  @Test
  void ticksAreUserPlusSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
    // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
    // cmajflt utime stime ...
    String stat = "4242 (default task) 1) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0";
    assertEquals(1234L + 567L, MachineCpu.ticks(stat));
    assertNull(MachineCpu.ticks("4242 no parentheses"));
    assertNull(MachineCpu.ticks("4242 (short) S 1 2"));
  }

  @Test
  void processesAreGroupedByWhatTheyAre() {
    assertEquals("PostgreSQL", MachineCpu.group("postgres", "postgres: cxalign cxalign_ingest"));
    assertEquals(
        "WildFly",
        MachineCpu.group(
            "java", "java -D[Standalone] -jar /w/jboss-modules.jar -Djboss.server.base.dir=/n"));
    assertEquals(
        "Keycloak", MachineCpu.group("java", "java -Dkc.home.dir=/k/keycloak-26 quarkus-run.jar"));
    assertEquals("other", MachineCpu.group("sshd", "sshd: root"));
  }

  @Test
  void sharesAreShownAsCoresAndMicrosecondsPerResponse() {
    int cores = Runtime.getRuntime().availableProcessors();
    // a group that used a quarter of the machine at 1,000 responses/s
    String line = IngestBench.perResponse(Map.of("PostgreSQL", 0.25), 1000);
    double used = 0.25 * cores;
    assertEquals(
        String.format(
            java.util.Locale.ROOT, "PostgreSQL %.2f cores = %.0f µs/response", used, used * 1000),
        line);
    assertEquals("unknown", IngestBench.perResponse(Map.of(), 1000));
  }

  @Test
  void theRunningMachineIsMeasured() throws Exception {
    MachineCpu cpu = MachineCpu.start();
    assumeTrue(cpu != null, "no /proc/stat (not Linux): nothing to measure");
    long until = System.nanoTime() + 200_000_000L;
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    Map<String, Double> shares = cpu.byProcess();
    assertTrue(x > 0);
    assertTrue(
        shares.getOrDefault("load generator", 0.0) > 0,
        "this JVM spun for 200 ms and was not counted: " + shares);
    assertTrue(cpu.since().startsWith("busy "), cpu.since());
  }

  @Test
  void theCpuOfAProcessThatEndedMeanwhileIsShownAsSuch() throws Exception {
    MachineCpu cpu = MachineCpu.start();
    assumeTrue(cpu != null, "no /proc/stat (not Linux): nothing to measure");
    // a child that spins for about 300 ms of CPU and exits before the measurement
    Process child =
        new ProcessBuilder(
                "sh",
                "-c",
                "t=$(($(date +%s%N) + 300000000)); while [ $(date +%s%N) -lt $t ]; do :; done")
            .start();
    assertEquals(0, child.waitFor());
    Map<String, Double> shares = cpu.byProcess();
    assertTrue(
        shares.getOrDefault("ended meanwhile", 0.0) > 0,
        "a child's 300 ms of CPU was not shown: " + shares);
  }

  @Test
  void aWatchReadsItsIntervalOrNothingWhenStoppedBeforeIt() throws Exception {
    assumeTrue(MachineCpu.start() != null, "no /proc/stat (not Linux): nothing to measure");
    long now = System.nanoTime();
    MachineCpu.Watch watch = MachineCpu.watch(now, now + 200_000_000L);
    double x = 0;
    while (System.nanoTime() < now + 200_000_000L) {
      x += Math.sqrt(x + 1);
    }
    MachineCpu.Reading reading = watch.await();
    assertTrue(x > 0);
    assertTrue(reading.machine().startsWith("busy "), reading.machine());
    assertTrue(
        reading.processes().getOrDefault("load generator", 0.0) > 0,
        "this JVM spun through the interval and was not counted: " + reading.processes());

    MachineCpu.Reading early =
        MachineCpu.watch(System.nanoTime() + 60_000_000_000L, Long.MAX_VALUE).stopNow();
    assertEquals("unknown", early.machine());
    assertEquals(Map.of(), early.processes());
  }
}

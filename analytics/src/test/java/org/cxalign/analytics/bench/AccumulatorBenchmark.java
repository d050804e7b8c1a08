package org.cxalign.analytics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.stat.Scale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Responses added per second to an {@link AlignmentAccumulator}: 30 items on 1..5, 2% missing
 * answers, 40 departments, with or without 40 collaboration ratings (the benchmark file's shape).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AccumulatorBenchmark {
  static final int BATCH = 4096;

  @Param({"0", "40"})
  int collab;

  AlignmentAccumulator acc;
  int[][] answers;
  int[][] ratings;
  int[] departments;
  int[] populations;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(String.format("q%02d", i + 1));
    }
    List<String> targets = new ArrayList<>();
    for (int d = 0; d < collab; d++) {
      targets.add(String.format("Dept%02d", d + 1));
    }
    acc =
        new AlignmentAccumulator(
            ResponseLayout.singleScale(new Scale(1, 5), items, "all", targets));
    int[] dept = new int[40];
    for (int d = 0; d < 40; d++) {
      dept[d] = acc.department(String.format("Dept%02d", d + 1));
    }
    SplittableRandom r = new SplittableRandom(42);
    answers = new int[BATCH][30];
    ratings = new int[BATCH][collab];
    departments = new int[BATCH];
    populations = new int[BATCH];
    for (int k = 0; k < BATCH; k++) {
      populations[k] = r.nextInt(6) == 0 ? 1 : 0;
      departments[k] = dept[r.nextInt(40)];
      for (int i = 0; i < 30; i++) {
        answers[k][i] = r.nextInt(50) == 0 ? AlignmentAccumulator.MISSING : 1 + r.nextInt(5);
      }
      for (int t = 0; t < collab; t++) {
        ratings[k][t] = r.nextInt(50) == 0 ? AlignmentAccumulator.MISSING : 1 + r.nextInt(5);
      }
    }
  }

  /** Throughput is in responses per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void add(Blackhole bh) {
    for (int k = 0; k < BATCH; k++) {
      acc.add(populations[k], departments[k], answers[k], ratings[k]);
    }
    bh.consume(acc);
  }

  /** Merging two accumulators of 40 departments (what a server does when combining shards). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AlignmentAccumulator merge() {
    AlignmentAccumulator copy = new AlignmentAccumulator(acc.layout());
    copy.merge(acc);
    return copy;
  }
}

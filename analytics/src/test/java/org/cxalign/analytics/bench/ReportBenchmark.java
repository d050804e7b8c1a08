package org.cxalign.analytics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.report.AlignmentReport;
import org.cxalign.analytics.report.ReportBuilder;
import org.cxalign.analytics.report.ReportJson;
import org.cxalign.analytics.stat.Scale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full report (every statistic of the overall scale, JSON rendered) from accumulators holding
 * 12,000 or 1,200,000 responses (30 items, 40 departments): the cost should not depend on the
 * number of responses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReportBenchmark {
  @Param({"12000", "1200000"})
  int responses;

  AlignmentAccumulator acc;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(String.format("q%02d", i + 1));
    }
    acc =
        new AlignmentAccumulator(
            ResponseLayout.singleScale(new Scale(1, 5), items, "all", List.of()));
    int[] dept = new int[40];
    for (int d = 0; d < 40; d++) {
      dept[d] = acc.department(String.format("Dept%02d", d + 1));
    }
    SplittableRandom r = new SplittableRandom(7);
    int[] x = new int[30];
    for (int k = 0; k < responses; k++) {
      int pop = k % 6 == 5 ? 1 : 0;
      int d = r.nextInt(40);
      double shift = d * 0.03 - pop * 0.4;
      for (int i = 0; i < 30; i++) {
        x[i] =
            r.nextInt(50) == 0
                ? AlignmentAccumulator.MISSING
                : (int) Math.max(1, Math.min(5, Math.round(3 + shift + r.nextGaussian())));
      }
      acc.add(pop, dept[d], x, null);
    }
  }

  @Benchmark
  public AlignmentReport build() {
    return ReportBuilder.build(acc);
  }

  @Benchmark
  public String buildAndRenderJson() {
    return ReportJson.toJson(ReportBuilder.build(acc), true);
  }
}

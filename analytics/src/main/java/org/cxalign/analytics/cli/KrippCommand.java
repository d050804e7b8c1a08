package org.cxalign.analytics.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cxalign.analytics.data.CsvTable;
import org.cxalign.analytics.json.EstimateJson;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.stat.KrippendorffAlpha;
import org.cxalign.analytics.stat.KrippendorffResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kripp}: Krippendorff's α of an observers × units file (first column the observer, one
 * column per unit, blank = missing).
 */
@Command(
    name = "kripp",
    mixinStandardHelpOptions = true,
    description =
        "Krippendorff's alpha. CSV: first column the observer, one column per unit, blank = missing.")
final class KrippCommand implements Callable<Integer> {
  enum LevelOption {
    nominal,
    ordinal,
    interval,
    ratio
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv")
  Path input;

  @Option(names = "--level", required = true, description = "nominal, ordinal, interval or ratio")
  LevelOption level;

  @Override
  public Integer call() throws Exception {
    CsvTable t = CsvTable.read(input);
    int units = t.header().size() - 1;
    if (units < 1) {
      throw t.error(0, 0, "need an observer column and at least 1 unit column");
    }
    double[][] m = new double[t.rowCount()][units];
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 1; c <= units; c++) {
        double v = t.number(r, c, true);
        if (level == LevelOption.ratio && v < 0) {
          throw t.error(r, c, "negative value " + v + " at the ratio level");
        }
        m[r][c - 1] = v;
      }
    }
    KrippendorffResult res =
        KrippendorffAlpha.of(
            m, KrippendorffAlpha.Level.valueOf(level.name().toUpperCase(Locale.ROOT)));
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, true);
    w.beginObject();
    EstimateJson.estimate(w, "alpha", res.alpha());
    w.name("level").value(level.name());
    if (res.hasDisagreements()) {
      w.name("observed_disagreement").value(res.observedDisagreement());
      w.name("expected_disagreement").value(res.expectedDisagreement());
    } else {
      w.name("observed_disagreement").nullValue();
      w.name("expected_disagreement").nullValue();
    }
    w.name("pairable_values").value(res.pairableValues());
    w.name("units").value(units);
    w.name("pairable_units").value(res.units());
    w.name("observers").value(t.rowCount());
    w.endObject().finish();
    spec.commandLine().getOut().print(sb);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package org.cxalign.analytics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxalign.analytics.data.CsvTable;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.stat.IccForm;
import org.cxalign.analytics.stat.IccResult;
import org.cxalign.analytics.stat.IntraclassCorrelation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icc}: the six Shrout–Fleiss ICCs of a targets × raters file (first column the target, one
 * column per rater). As {@code psych::ICC} (missing = TRUE), rows with a blank rating are left out
 * (counted in {@code rows_dropped}).
 */
@Command(
    name = "icc",
    mixinStandardHelpOptions = true,
    description =
        "Shrout-Fleiss ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k with McGraw-Wong 95%% intervals. "
            + "CSV: first column the target, one column per rater; rows with a blank are left out.")
final class IccCommand implements Callable<Integer> {
  static final String[] FORMS = {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"};

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv")
  Path input;

  @Override
  public Integer call() throws Exception {
    CsvTable t = CsvTable.read(input);
    int raters = t.header().size() - 1;
    if (raters < 2) {
      throw t.error(0, 0, "need a target column and at least 2 rater columns");
    }
    List<double[]> rows = new ArrayList<>();
    int dropped = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      double[] row = new double[raters];
      boolean complete = true;
      for (int c = 1; c <= raters; c++) {
        row[c - 1] = t.number(r, c, true);
        complete &= !Double.isNaN(row[c - 1]);
      }
      if (complete) {
        rows.add(row);
      } else {
        dropped++;
      }
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(
          t.file() + ": ICC needs at least 2 targets with complete ratings, got " + rows.size());
    }
    IccResult res = IntraclassCorrelation.of(rows.toArray(new double[0][]));
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, true);
    w.beginObject();
    for (String name : FORMS) {
      w.name(name);
      if (res.isDefined()) {
        IccForm f = res.form(name).orElseThrow();
        w.beginObject();
        w.name("value").value(f.value()).name("lower").value(f.lower());
        w.name("upper").value(f.upper()).name("f").value(f.f());
        w.name("df1").value(f.df1()).name("df2").value(f.df2()).name("p").value(f.p());
        w.endObject();
      } else {
        w.nullValue();
        w.name(name + "_reason").value(res.undefinedReason());
      }
    }
    w.name("targets").value(rows.size()).name("raters").value(raters);
    w.name("rows_dropped").value(dropped).name("confidence").value(res.confidence());
    w.endObject().finish();
    spec.commandLine().getOut().print(sb);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package org.cxalign.analytics.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cxalign.analytics.data.SyntheticResponses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic response file (default: the benchmark size). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a synthetic response file; defaults are the benchmark size "
            + "(1,000,000 employees + 200,000 customers x 30 items, 40 departments).")
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--output", required = true, paramLabel = "FILE.csv")
  Path output;

  @Option(names = "--employees", defaultValue = "1000000")
  long employees;

  @Option(names = "--customers", defaultValue = "200000")
  long customers;

  @Option(names = "--items", defaultValue = "30")
  int items;

  @Option(names = "--departments", defaultValue = "40")
  int departments;

  @Option(names = "--collab", description = "add collab.<Department> columns")
  boolean collab;

  @Option(
      names = "--missing",
      defaultValue = "0.02",
      description = "probability of a missing answer")
  double missing;

  @Option(names = "--seed", defaultValue = "20261123")
  long seed;

  @Option(
      names = "--instrument",
      paramLabel = "FILE.json|builtin",
      description = "write the instrument's item columns instead of q01..qNN")
  String instrument;

  @Override
  public Integer call() throws Exception {
    SyntheticResponses.Spec s =
        new SyntheticResponses.Spec(
            employees, customers, items, departments, collab, missing, 1, 5, seed);
    if (instrument == null) {
      SyntheticResponses.write(s, output);
    } else {
      SyntheticResponses.writeForInstrument(ReportCommand.loadInstrument(instrument), s, output);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d employees + %d customers x %d items, %d departments%s%n",
            output,
            employees,
            customers,
            items,
            departments,
            collab ? ", with collab columns" : "");
    return 0;
  }
}

package org.cxalign.analytics.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.stat.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the alignment report of a response file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Alignment report of a response CSV (respondent_id,population,department,<items>,"
          + "collab.<Department>...).",
      "Without an instrument all item columns form one scale."
    })
final class ReportCommand implements Callable<Integer> {
  enum Format {
    json,
    text
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.csv",
      description = "response file")
  Path input;

  @Option(
      names = "--scale",
      defaultValue = ReportRun.DEFAULT_SCALE,
      converter = ScaleConverter.class,
      paramLabel = "MIN-MAX",
      description = "answer scale (default: ${DEFAULT-VALUE})")
  Scale scale;

  @Option(
      names = "--instrument",
      paramLabel = "FILE.json|builtin",
      description = "instrument definition (JSON), or 'builtin'; its scale is used")
  String instrument;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "json or text (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "parallel parsers (default: number of processors)")
  Integer threads;

  /** The built-in instrument for {@code builtin}, else the JSON file at that path. */
  static Instrument loadInstrument(String spec) throws java.io.IOException {
    return ReportRun.loadInstrument(spec);
  }

  private boolean scaleGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--scale");
  }

  @Override
  public Integer call() throws Exception {
    return ReportRun.run(
        input,
        scale,
        scaleGiven(),
        instrument,
        format == Format.json,
        threads,
        spec.commandLine().getOut());
  }
}

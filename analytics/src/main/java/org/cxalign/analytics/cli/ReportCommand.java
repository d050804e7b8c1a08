package org.cxalign.analytics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.data.ResponseCsvReader;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.InstrumentJson;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.report.AlignmentReport;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.analytics.report.ReportBuilder;
import org.cxalign.analytics.report.ReportJson;
import org.cxalign.analytics.report.ReportText;
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
      defaultValue = "1-5",
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
    if (spec.equals("builtin")) {
      return Instruments.builtIn();
    }
    try {
      return InstrumentJson.read(Files.readString(Path.of(spec)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(spec + ": " + e.getMessage(), e);
    }
  }

  private boolean scaleGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--scale");
  }

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    AlignmentReport report;
    if (instrument == null) {
      ResponseCsvReader.Header header = ResponseCsvReader.readHeader(input);
      ResponseLayout layout =
          ResponseLayout.singleScale(scale, header.items(), "all", header.collabTargets());
      report = ReportBuilder.build(ResponseCsvReader.read(input, layout, t));
    } else {
      Instrument inst = loadInstrument(instrument);
      if (scaleGiven() && !scale.equals(inst.scale())) {
        throw new IllegalArgumentException(
            "--scale " + scale + " differs from the instrument's scale " + inst.scale());
      }
      String prefix = InstrumentReportBuilder.collabPrefix(inst);
      ResponseCsvReader.Header header = ResponseCsvReader.readHeader(input, prefix);
      ResponseLayout layout = InstrumentReportBuilder.layout(inst, header.collabTargets());
      AlignmentAccumulator acc = ResponseCsvReader.read(input, layout, t, prefix);
      report = ReportBuilder.build(acc, inst);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(ReportJson.toJson(report, true));
    } else {
      out.print(ReportText.render(report));
    }
    out.flush();
    return 0;
  }
}

package org.cxalign.analytics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.data.ResponseCsvReader;
import org.cxalign.analytics.report.AlignmentReport;
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

  @Option(names = "--instrument", paramLabel = "FILE.json", description = "instrument definition")
  Path instrument;

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

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    ResponseCsvReader.Header header = ResponseCsvReader.readHeader(input);
    ResponseLayout layout =
        ResponseLayout.singleScale(scale, header.items(), "all", header.collabTargets());
    AlignmentAccumulator acc = ResponseCsvReader.read(input, layout, t);
    AlignmentReport report = ReportBuilder.build(acc);
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

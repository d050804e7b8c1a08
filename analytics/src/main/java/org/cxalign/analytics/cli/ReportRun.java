package org.cxalign.analytics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

/**
 * The work of the {@code report} command, free of picocli: {@link ReportCommand} calls it after
 * picocli has parsed the arguments, and {@link #direct} calls it without picocli for the plain
 * forms of the command line, which saves picocli's start-up (its model is built by reflection over
 * every command: several hundred classes and about a fifth of a second before the first byte of the
 * file is read). Anything {@link #direct} does not recognise with certainty — help, version,
 * unknown or repeated options, argument files, odd values — goes through picocli, so usage errors
 * and help read the same either way.
 */
final class ReportRun {
  static final String DEFAULT_SCALE = "1-5";
  private static final String[] OPTIONS = {
    "--input", "--scale", "--instrument", "--format", "--threads"
  };
  // picocli does not take a command's name as an option's value
  private static final String[] COMMANDS = {"report", "icc", "kripp", "generate", "help"};

  private ReportRun() {}

  /** Runs {@code report} and writes the report to {@code out}; returns the exit status 0. */
  static int run(
      Path input,
      Scale scale,
      boolean scaleGiven,
      String instrument,
      boolean json,
      Integer threads,
      PrintWriter out)
      throws IOException {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    AlignmentReport report;
    if (instrument == null) {
      ResponseCsvReader.Header header = ResponseCsvReader.readHeader(input);
      ResponseLayout layout =
          ResponseLayout.singleScale(scale, header.items(), "all", header.collabTargets());
      report = ReportBuilder.build(ResponseCsvReader.read(input, layout, t));
    } else {
      Instrument inst = loadInstrument(instrument);
      if (scaleGiven && !scale.equals(inst.scale())) {
        throw new IllegalArgumentException(
            "--scale " + scale + " differs from the instrument's scale " + inst.scale());
      }
      String prefix = InstrumentReportBuilder.collabPrefix(inst);
      ResponseCsvReader.Header header = ResponseCsvReader.readHeader(input, prefix);
      ResponseLayout layout = InstrumentReportBuilder.layout(inst, header.collabTargets());
      AlignmentAccumulator acc = ResponseCsvReader.read(input, layout, t, prefix);
      report = ReportBuilder.build(acc, inst);
    }
    out.print(json ? ReportJson.toJson(report, true) : ReportText.render(report));
    out.flush();
    return 0;
  }

  /** The built-in instrument for {@code builtin}, else the JSON file at that path. */
  static Instrument loadInstrument(String spec) throws IOException {
    if (spec.equals("builtin")) {
      return Instruments.builtIn();
    }
    try {
      return InstrumentJson.read(Files.readString(Path.of(spec)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code error: <message>} for bad input (an {@link IllegalArgumentException} or {@link
   * IOException}, possibly wrapped in an {@link UncheckedIOException}) and returns {@link
   * Main#EXIT_BAD_INPUT}; returns -1 for anything else.
   */
  static int badInput(Throwable ex, PrintWriter err) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException u) {
      t = u.getCause();
    }
    if (t instanceof IllegalArgumentException || t instanceof IOException) {
      String msg = t.getMessage();
      if (t instanceof NoSuchFileException) {
        msg = "no such file: " + msg;
      }
      err.println("error: " + msg);
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    return -1;
  }

  /**
   * Runs {@code report} without picocli when {@code args} is a plain form of it: {@code report}
   * followed by {@code --input}, {@code --scale}, {@code --instrument}, {@code --format} and {@code
   * --threads}, each at most once, as {@code --name value} or {@code --name=value}, with values
   * picocli would accept in the same way. Returns the exit status, or -1 (nothing done) when the
   * arguments are anything else and picocli must handle them.
   */
  static int direct(String[] args, PrintWriter out, PrintWriter err) {
    Map<String, String> values = options(args);
    if (values == null) {
      return -1;
    }
    Path input;
    Scale scale;
    Integer threads = null;
    boolean json;
    try {
      input = Path.of(values.get("--input"));
      String s = values.getOrDefault("--scale", DEFAULT_SCALE);
      int dash = s.indexOf('-', 1);
      if (dash < 0 || !digits(s, 0, dash) || !digits(s, dash + 1, s.length())) {
        return -1;
      }
      scale =
          new Scale(
              Integer.parseInt(s, 0, dash, 10), Integer.parseInt(s, dash + 1, s.length(), 10));
      String n = values.get("--threads");
      if (n != null) {
        if (!digits(n, 0, n.length())) {
          return -1;
        }
        threads = Integer.parseInt(n);
        if (threads < 1) {
          return -1;
        }
      }
      String format = values.getOrDefault("--format", "json");
      if (!format.equals("json") && !format.equals("text")) {
        return -1;
      }
      json = format.equals("json");
    } catch (IllegalArgumentException e) {
      // an unusable path (InvalidPathException), a scale with min >= max...: picocli's message
      return -1;
    }
    try {
      return run(
          input,
          scale,
          values.containsKey("--scale"),
          values.get("--instrument"),
          json,
          threads,
          out);
    } catch (IOException | RuntimeException e) {
      int code = badInput(e, err);
      if (code < 0) {
        // as picocli does with an exception its handler does not take: the trace, status 1
        e.printStackTrace(err);
        err.flush();
        return 1;
      }
      return code;
    }
  }

  /** The options of a plain {@code report} command line, or null. */
  private static Map<String, String> options(String[] args) {
    if (args.length < 3 || !args[0].equals("report")) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    int i = 1;
    while (i < args.length) {
      String a = args[i++];
      String name = a;
      String value;
      int eq = a.indexOf('=');
      if (eq >= 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else {
        if (i == args.length) {
          return null;
        }
        value = args[i++];
      }
      if (!in(OPTIONS, name) || values.containsKey(name) || value.isEmpty()) {
        return null;
      }
      // a value that looks like an option or an @argument file: let picocli decide
      if (value.startsWith("-") || value.startsWith("@") || in(COMMANDS, value)) {
        return null;
      }
      values.put(name, value);
    }
    return values.containsKey("--input") ? values : null;
  }

  private static boolean in(String[] names, String name) {
    for (String o : names) {
      if (o.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to || to - from > 9) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

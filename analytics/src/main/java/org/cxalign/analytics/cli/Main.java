package org.cxalign.analytics.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar cx-align.jar}. */
@Command(
    name = "cx-align",
    mixinStandardHelpOptions = true,
    version = "cx-align 0.1.0",
    description = "Alignment statistics for CX maturity surveys.",
    subcommands = {
      ReportCommand.class,
      IccCommand.class,
      KrippCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status for bad input data or files. */
  public static final int EXIT_BAD_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams; returns the exit status. A plain {@code report}
   * command line runs without picocli (see {@link ReportRun#direct}); everything else through it.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    int code = ReportRun.direct(args, out, err);
    if (code >= 0) {
      out.flush();
      err.flush();
      return code;
    }
    return picocli(args, out, err);
  }

  /** Runs the command line through picocli. */
  static int picocli(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = ReportRun.badInput(ex, commandLine.getErr());
          if (code < 0) {
            throw ex;
          }
          return code;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}

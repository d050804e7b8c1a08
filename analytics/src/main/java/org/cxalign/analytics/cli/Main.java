package org.cxalign.analytics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

  /** Runs the command line with the given streams; returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable t = ex;
          if (t instanceof UncheckedIOException u) {
            t = u.getCause();
          }
          if (t instanceof IllegalArgumentException || t instanceof IOException) {
            String msg = t.getMessage();
            if (t instanceof java.nio.file.NoSuchFileException) {
              msg = "no such file: " + msg;
            }
            commandLine.getErr().println("error: " + msg);
            commandLine.getErr().flush();
            return EXIT_BAD_INPUT;
          }
          throw ex;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}

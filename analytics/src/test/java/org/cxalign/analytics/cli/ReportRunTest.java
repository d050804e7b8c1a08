package org.cxalign.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picocli-free path of {@code report} ({@link ReportRun#direct}): it gives exactly what picocli
 * gives for the plain command lines it takes, and leaves everything else to picocli.
 */
class ReportRunTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run direct(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ReportRun.direct(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Run picocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.picocli(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  Path data() throws IOException {
    Path p = dir.resolve("r.csv");
    Files.writeString(p, CliTest.GOOD, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertSame(String... args) {
    Run d = direct(args);
    assertTrue(d.code() >= 0, "direct path should take " + List.of(args));
    Run p = picocli(args);
    assertEquals(p, d, List.of(args).toString());
  }

  @Test
  void plainCommandLinesGiveWhatPicocliGives() throws IOException {
    String f = data().toString();
    assertSame("report", "--input", f);
    assertSame("report", "--input=" + f, "--threads=1");
    assertSame("report", "--threads", "3", "--input", f, "--format", "text");
    assertSame("report", "--input", f, "--scale", "1-5", "--format=json");
    assertSame("report", "--input", f, "--scale=1-7");
  }

  @Test
  void instrumentAndGeneratedFile() throws IOException {
    Path g = dir.resolve("g.csv");
    assertEquals(
        0,
        Main.execute(
            new String[] {
              "generate",
              "--instrument",
              "builtin",
              "--collab",
              "--employees",
              "300",
              "--customers",
              "100",
              "--departments",
              "3",
              "--output",
              g.toString(),
              "--seed",
              "7"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
    assertSame("report", "--input", g.toString(), "--instrument", "builtin");
    // the instrument's scale is 1-5: an explicit other scale is an error on both paths
    assertSame("report", "--input", g.toString(), "--instrument", "builtin", "--scale", "1-7");
    assertEquals(
        Main.EXIT_BAD_INPUT,
        direct("report", "--input", g.toString(), "--instrument", "builtin", "--scale", "1-7")
            .code());
  }

  @Test
  void badInputIsReportedLikePicocliDoes() throws IOException {
    assertSame("report", "--input", dir.resolve("nope.csv").toString());
    Run r = direct("report", "--input", dir.resolve("nope.csv").toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: no such file: "), r.err());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, CliTest.GOOD.replace("e2,employee,Sales,3,", "e2,employee,Sales,9,"));
    assertSame("report", "--input", bad.toString());
    Run b = direct("report", "--input", bad.toString());
    assertTrue(b.err().contains("line 3"), b.err());
  }

  @Test
  void everythingElseIsLeftToPicocli() throws IOException {
    String f = data().toString();
    List<String[]> others = new ArrayList<>();
    others.add(new String[] {"report"});
    others.add(new String[] {"report", "--help"});
    others.add(new String[] {"report", "-h", "--input", f});
    others.add(new String[] {"report", "--version"});
    others.add(new String[] {"report", "--input"});
    others.add(new String[] {"report", "--input", f, "--input", f});
    others.add(new String[] {"report", "--input", f, "--bogus", "1"});
    others.add(new String[] {"report", "--input", f, "extra"});
    others.add(new String[] {"report", "--input", "@args.txt"});
    others.add(new String[] {"report", "--input", "--format"});
    others.add(new String[] {"report", "--input", "help"});
    others.add(new String[] {"report", "--input=", "--threads", "1"});
    others.add(new String[] {"report", "--input", f, "--scale", "5"});
    others.add(new String[] {"report", "--input", f, "--scale", "5-1"});
    others.add(new String[] {"report", "--input", f, "--scale", "1..5"});
    others.add(new String[] {"report", "--input", f, "--threads", "0"});
    others.add(new String[] {"report", "--input", f, "--threads", "99999999999"});
    others.add(new String[] {"report", "--input", f, "--format", "xml"});
    others.add(new String[] {"icc", "--input", f});
    others.add(new String[] {"--input", f, "report"});
    for (String[] args : others) {
      Run d = direct(args);
      assertEquals(-1, d.code(), List.of(args).toString());
      assertEquals("", d.out());
      assertEquals("", d.err());
    }
    // and through the entry point they read as before: usage errors exit with 2
    assertEquals(2, CliTest.run("report", "--input", f, "--scale", "5-1").code());
    assertEquals(0, CliTest.run("report", "--input", f, "--scale", "1..5").code());
  }
}

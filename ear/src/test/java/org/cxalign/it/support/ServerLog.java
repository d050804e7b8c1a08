package org.cxalign.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of the server's log written during a run, searched for stack traces: a record followed
 * by {@code at ...(...)} frame lines or a {@code Caused by:} line.
 */
public final class ServerLog {

  private static final Pattern FRAME = Pattern.compile("^\\s+at [\\w$.]+.*\\(.*\\)\\s*$");
  private static final Pattern CAUSE = Pattern.compile("^Caused by: ");

  private final Path file;
  private final long start;

  private ServerLog(Path file, long start) {
    this.file = file;
    this.start = start;
  }

  /** The provisioned server's log (the failsafe property {@code jboss.home}). */
  public static ServerLog ofTestServer() throws IOException {
    return from(Path.of(System.getProperty("jboss.home"), "standalone/log/server.log"));
  }

  /** Marks the log's current end; what is written from now on is searched. */
  public static ServerLog from(Path file) throws IOException {
    return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
  }

  /**
   * Each stack trace written since the mark: the record that carries it and its first frame. (A log
   * rotated meanwhile is searched from its beginning.)
   */
  public List<String> stackTraces() throws IOException {
    List<String> traces = new ArrayList<>();
    if (!Files.exists(file)) {
      return traces;
    }
    String text;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long from = f.length() < start ? 0 : start;
      byte[] b = new byte[(int) Math.min(f.length() - from, 64L * 1024 * 1024)];
      f.seek(from);
      f.readFully(b);
      text = new String(b, StandardCharsets.UTF_8);
    }
    String record = "";
    boolean inTrace = false;
    for (String line : text.split("\r?\n")) {
      boolean frame = FRAME.matcher(line).matches() || CAUSE.matcher(line).find();
      if (frame && !inTrace) {
        traces.add(abbreviate(record, 300) + "\n      " + abbreviate(line.strip(), 200));
      }
      inTrace = frame || (inTrace && line.startsWith("\t"));
      if (!frame && !line.startsWith("\t") && !line.isBlank()) {
        record = line;
      }
    }
    return traces;
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...";
  }
}

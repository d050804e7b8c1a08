package org.cxalign.analytics.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;

/**
 * Streams a response file of the report format into an {@link AlignmentAccumulator}.
 *
 * <p>Format: UTF-8 CSV, header {@code respondent_id,population,department,<columns>}; a column
 * named {@code collab.<Department>} holds the respondent's rating of working with that department,
 * every other column is an item. {@code population} is {@code employee} or {@code customer}; an
 * employee needs a department, a customer may leave it blank. Answers are integers of the scale (a
 * trailing {@code .0} is accepted); a blank field is a missing answer. Fields may be quoted (RFC
 * 4180) but may not contain line breaks; line ends may be LF or CRLF; blank lines are skipped.
 *
 * <p>The file is split into line-aligned byte ranges (up to 32 per thread, at least 1 MiB) that the
 * threads take in file order as they become free, each thread into its own accumulator; the
 * accumulators are merged at the end, departments in order of first appearance in the file. Parsing
 * works on bytes: no string, boxed value or object is created per row (a string only when a
 * department is first seen). When every option of the scale is one digit, four answers and their
 * commas ({@code d,d,d,d,}) are checked and decoded from one 8-byte read; any other field takes the
 * general path.
 *
 * <p>Errors ({@link CsvFormatException}: unknown column, non-numeric answer, value off the scale,
 * ragged row, empty file, unknown population) name the file, line and column; with several errors
 * the first in the file is reported.
 */
public final class ResponseCsvReader {
  private static final int FIXED_COLUMNS = 3;
  private static final String[] FIXED = {"respondent_id", "population", "department"};

  /** Prefix of the collaboration columns, {@code collab.<Department>}, unless told otherwise. */
  public static final String COLLAB_PREFIX = "collab.";

  private static final int MIN_CHUNK = 1 << 20;
  private static final int BUFFER = 1 << 22;
  private static final int ROWS_PER_CALL = 16;
  private static final int CHUNKS_PER_THREAD = 32;

  private static final byte KIND_ITEM = 1;
  private static final byte KIND_COLLAB = 2;

  private ResponseCsvReader() {}

  /** The header of a response file: all columns, the item columns, the collaboration targets. */
  public record Header(List<String> columns, List<String> items, List<String> collabTargets) {
    public Header {
      columns = List.copyOf(columns);
      items = List.copyOf(items);
      collabTargets = List.copyOf(collabTargets);
    }
  }

  private record RawHeader(Header header, long dataStart) {}

  /** Reads and checks the header row. */
  public static Header readHeader(Path file) throws IOException {
    return rawHeader(file, COLLAB_PREFIX).header();
  }

  /** Reads and checks the header row; collaboration columns start with {@code collabPrefix}. */
  public static Header readHeader(Path file, String collabPrefix) throws IOException {
    return rawHeader(file, collabPrefix).header();
  }

  private static RawHeader rawHeader(Path file, String collabPrefix) throws IOException {
    String name = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw new CsvFormatException(name, 1, 1, null, "empty file: expected a header row");
      }
      byte[] buf = new byte[(int) Math.min(size, 1 << 16)];
      int len = 0;
      int nl = -1;
      while (nl < 0) {
        if (len == buf.length) {
          if (len >= size) {
            break;
          }
          buf = Arrays.copyOf(buf, (int) Math.min(size, buf.length * 2L));
        }
        int r = ch.read(ByteBuffer.wrap(buf, len, buf.length - len), len);
        if (r <= 0) {
          break;
        }
        for (int i = len; i < len + r; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        len += r;
      }
      int end = nl < 0 ? len : nl;
      long dataStart = nl < 0 ? len : nl + 1;
      int from = 0;
      if (end >= 3
          && (buf[0] & 0xff) == 0xEF
          && (buf[1] & 0xff) == 0xBB
          && (buf[2] & 0xff) == 0xBF) {
        from = 3;
      }
      if (end > from && buf[end - 1] == '\r') {
        end--;
      }
      String text = new String(buf, from, end - from, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        throw new CsvFormatException(name, 1, 1, null, "empty file: expected a header row");
      }
      String[] cols = CsvTable.split(name, 1, text);
      for (int c = 0; c < FIXED_COLUMNS; c++) {
        if (c >= cols.length || !cols[c].trim().equals(FIXED[c])) {
          throw new CsvFormatException(
              name,
              1,
              c + 1,
              c < cols.length ? cols[c] : null,
              "expected column \""
                  + FIXED[c]
                  + "\" (header must start with respondent_id,population,department)");
        }
      }
      List<String> all = new ArrayList<>();
      List<String> items = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int c = 0; c < cols.length; c++) {
        String col = cols[c].trim();
        if (col.isEmpty()) {
          throw new CsvFormatException(name, 1, c + 1, null, "empty column name");
        }
        if (!seen.add(col)) {
          throw new CsvFormatException(name, 1, c + 1, col, "duplicate column name");
        }
        all.add(col);
        if (c < FIXED_COLUMNS) {
          continue;
        }
        if (col.startsWith(collabPrefix)) {
          String target = col.substring(collabPrefix.length()).trim();
          if (target.isEmpty()) {
            throw new CsvFormatException(
                name, 1, c + 1, col, collabPrefix + " column without a department");
          }
          targets.add(target);
        } else {
          items.add(col);
        }
      }
      if (items.isEmpty()) {
        throw new CsvFormatException(
            name,
            1,
            cols.length + 1,
            null,
            "no item columns after respondent_id,population,department");
      }
      return new RawHeader(new Header(all, items, targets), dataStart);
    }
  }

  /**
   * Reads a whole response file into a new accumulator of {@code layout}.
   *
   * @param threads number of parallel parsers (at least 1)
   * @throws CsvFormatException on bad input (first error in the file)
   */
  public static AlignmentAccumulator read(Path file, ResponseLayout layout, int threads)
      throws IOException {
    return read(file, layout, threads, COLLAB_PREFIX);
  }

  /** As {@link #read(Path, ResponseLayout, int)} with another collaboration column prefix. */
  public static AlignmentAccumulator read(
      Path file, ResponseLayout layout, int threads, String collabPrefix) throws IOException {
    return read(file, layout, threads, collabPrefix, MIN_CHUNK, BUFFER);
  }

  /**
   * As {@link #read(Path, ResponseLayout, int, String)}; the file is split into at most {@code
   * threads} ranges of at least {@code minChunk} bytes, each read through a buffer of {@code
   * buffer} bytes at first (tests use small ones, so that lines cross both kinds of boundary).
   */
  static AlignmentAccumulator read(
      Path file, ResponseLayout layout, int threads, String collabPrefix, long minChunk, int buffer)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    String name = file.toString();
    RawHeader raw = rawHeader(file, collabPrefix);
    Header header = raw.header();
    int ncols = header.columns().size();
    byte[] kind = new byte[ncols];
    int[] index = new int[ncols];
    for (int c = FIXED_COLUMNS; c < ncols; c++) {
      String col = header.columns().get(c);
      if (col.startsWith(collabPrefix)) {
        String target = col.substring(collabPrefix.length()).trim();
        int t = layout.collabTargets().indexOf(target);
        if (t < 0) {
          throw new CsvFormatException(
              name, 1, c + 1, col, "unknown column: no department \"" + target + "\" to rate");
        }
        kind[c] = KIND_COLLAB;
        index[c] = t;
      } else {
        int i = layout.items().indexOf(col);
        if (i < 0) {
          throw new CsvFormatException(
              name, 1, c + 1, col, "unknown column: not an item of the instrument");
        }
        kind[c] = KIND_ITEM;
        index[c] = i;
      }
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long start = raw.dataStart();
      if (!hasData(ch, start, size)) {
        throw new CsvFormatException(name, 2, 1, null, "no data rows after the header");
      }
      // More chunks than threads, handed out in file order as threads become free: a thread slowed
      // down (by the JIT compiler threads, by other processes) takes fewer chunks instead of
      // leaving the others idle at the end.
      int chunks =
          (int)
              Math.max(
                  1,
                  Math.min(
                      (long) threads * CHUNKS_PER_THREAD, (size - start) / Math.max(1, minChunk)));
      long[] bounds = new long[chunks + 1];
      bounds[0] = start;
      bounds[chunks] = size;
      for (int k = 1; k < chunks; k++) {
        bounds[k] =
            Math.max(bounds[k - 1], nextLineStart(ch, start + (size - start) * k / chunks, size));
      }
      Chunks work = new Chunks(bounds);
      int parts = Math.min(threads, chunks);
      List<Worker> workers = new ArrayList<>();
      for (int w = 0; w < parts; w++) {
        workers.add(new Worker(ch, work, buffer, layout, kind, index, header));
      }
      if (parts == 1) {
        workers.get(0).run();
      } else {
        ExecutorService pool = Executors.newFixedThreadPool(parts - 1);
        try {
          List<Future<?>> fs = new ArrayList<>();
          for (Worker w : workers.subList(1, parts)) {
            fs.add(pool.submit(w));
          }
          workers.get(0).run();
          for (Future<?> f : fs) {
            f.get();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IOException(cause);
        } finally {
          pool.shutdownNow();
        }
      }
      // Chunks are handed out in file order and a worker stops at its first bad row, so every
      // chunk before the first bad row has been parsed: the smallest error offset is the first
      // error of the file.
      Worker failed = null;
      for (Worker w : workers) {
        if (w.errorOffset >= 0 && (failed == null || w.errorOffset < failed.errorOffset)) {
          failed = w;
        }
      }
      if (failed != null) {
        long line = 2 + countNewlines(ch, start, failed.errorOffset);
        throw new CsvFormatException(
            name,
            line,
            failed.errorColumn + 1,
            failed.errorColumn < ncols ? header.columns().get(failed.errorColumn) : null,
            failed.errorProblem);
      }
      return merge(workers, layout);
    }
  }

  /**
   * One accumulator of all workers' rows, its departments registered in order of first appearance
   * in the file (as one thread reading the file would register them; {@code ""}, no department,
   * first), whichever worker met them.
   */
  private static AlignmentAccumulator merge(List<Worker> workers, ResponseLayout layout) {
    if (workers.size() == 1) {
      return workers.get(0).acc; // one worker took the chunks in file order
    }
    Map<String, Long> first = new HashMap<>();
    for (Worker w : workers) {
      List<String> names = w.acc.departments();
      for (int d = 0; d < names.size(); d++) {
        first.merge(names.get(d), w.firstSeen[d], Math::min);
      }
    }
    List<Map.Entry<String, Long>> order = new ArrayList<>(first.entrySet());
    order.sort(Map.Entry.comparingByValue());
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    for (Map.Entry<String, Long> e : order) {
      acc.department(e.getKey());
    }
    for (Worker w : workers) {
      acc.merge(w.acc);
    }
    return acc;
  }

  /** The line-aligned byte ranges of the data rows and the next one to hand out. */
  private static final class Chunks {
    final long[] bounds;
    final AtomicInteger next = new AtomicInteger();
    volatile boolean failed;

    Chunks(long[] bounds) {
      this.bounds = bounds;
    }
  }

  private static boolean hasData(FileChannel ch, long from, long size) throws IOException {
    byte[] b = new byte[1 << 16];
    long pos = from;
    while (pos < size) {
      int r = ch.read(ByteBuffer.wrap(b), pos);
      if (r <= 0) {
        return false;
      }
      for (int i = 0; i < r; i++) {
        if (b[i] != '\n' && b[i] != '\r') {
          return true;
        }
      }
      pos += r;
    }
    return false;
  }

  private static long nextLineStart(FileChannel ch, long from, long size) throws IOException {
    byte[] b = new byte[1 << 12];
    long pos = from - 1;
    while (pos < size) {
      int r = ch.read(ByteBuffer.wrap(b), pos);
      if (r <= 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (b[i] == '\n') {
          return pos + i + 1;
        }
      }
      pos += r;
    }
    return size;
  }

  private static long countNewlines(FileChannel ch, long from, long to) throws IOException {
    byte[] b = new byte[1 << 20];
    long pos = from;
    long n = 0;
    while (pos < to) {
      int r = ch.read(ByteBuffer.wrap(b, 0, (int) Math.min(b.length, to - pos)), pos);
      if (r <= 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (b[i] == '\n') {
          n++;
        }
      }
      pos += r;
    }
    return n;
  }

  /** Stops parsing at the first bad field. */
  private static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int column;

    BadField(int column, String problem) {
      super(problem, null, false, false);
      this.column = column;
    }
  }

  private static final class Worker implements Runnable {
    private static final java.lang.invoke.VarHandle LONG_VIEW =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long EMPLOYEE_LONG = asLong("employee");
    private static final long CUSTOMER_LONG = asLong("customer");

    // 8 bytes "d,d,d,d," read little-endian: digits in the low byte of each 16-bit lane
    private static final long COMMA_LANES = 0xFF00FF00FF00FF00L;
    private static final long COMMAS = 0x2C002C002C002C00L;
    private static final long DIGIT_LANES = 0x00FF00FF00FF00FFL;
    private static final long SIGNS = 0x8000800080008000L;

    /**
     * Four copies of a 16-bit lane value. Adding lanes(0x8000 − t) to lanes of bytes (0..255) sets
     * bit 15 of a lane exactly when its byte is ≥ t, with no carry into the next lane.
     */
    private static long lanes(int v) {
      long l = v & 0xFFFF;
      return l | l << 16 | l << 32 | l << 48;
    }

    private static long asLong(String eightAsciiChars) {
      return (long) LONG_VIEW.get(eightAsciiChars.getBytes(StandardCharsets.US_ASCII), 0);
    }

    final FileChannel ch;
    final Chunks work;
    final int bufferSize;
    byte[] buf;
    long bufBase; // file offset of buf[0]
    // file offset of the row where this worker met each of its accumulator's departments first
    long[] firstSeen = new long[16];
    final AlignmentAccumulator acc;
    final byte[] kind;
    final int[] index;
    final int ncols;
    final int min;
    final int max;
    final int[] answers;
    final int[] collab;
    // the answer columns' values in file order; the same array as answers when the columns are
    // exactly the layout's items in order (no scatter needed)
    final int[] fields;
    final boolean fieldsAreAnswers;
    // four "digit," fields at a time (see swarValid) when every option is one digit
    final boolean swar;
    final long swarLo;
    final long swarHi;
    final Header header;

    // department dictionary: byte key -> accumulator index (open addressing)
    byte[][] keys = new byte[64][];
    int[] values = new int[64];
    int dictSize;
    int emptyDepartment = -1;

    // start of the line being parsed, in the buffer
    int lineStart;
    long errorOffset = -1;
    int errorColumn;
    String errorProblem;

    Worker(
        FileChannel ch,
        Chunks work,
        int bufferSize,
        ResponseLayout layout,
        byte[] kind,
        int[] index,
        Header header) {
      this.ch = ch;
      this.work = work;
      this.bufferSize = Math.max(1, bufferSize);
      this.acc = new AlignmentAccumulator(layout);
      this.kind = kind;
      this.index = index;
      this.ncols = kind.length;
      this.min = layout.scale().min();
      this.max = layout.scale().max();
      this.answers = new int[layout.items().size()];
      this.collab = new int[layout.collabTargets().size()];
      Arrays.fill(answers, AlignmentAccumulator.MISSING);
      Arrays.fill(collab, AlignmentAccumulator.MISSING);
      boolean identity = ncols - FIXED_COLUMNS == answers.length;
      for (int c = FIXED_COLUMNS; identity && c < ncols; c++) {
        identity = kind[c] == KIND_ITEM && index[c] == c - FIXED_COLUMNS;
      }
      this.fieldsAreAnswers = identity;
      this.fields = identity ? answers : new int[ncols - FIXED_COLUMNS];
      this.swar = min >= 0 && max <= 9;
      this.swarLo = lanes(0x8000 - ('0' + Math.max(0, min)));
      this.swarHi = lanes(0x8000 - ('0' + Math.min(9, max) + 1));
      this.header = header;
      // "No department" (customers) is known from the start, so that its first use — perhaps a
      // million rows in — takes no path the JIT has not seen.
      bufBase = -1; // before every row
      department(new byte[0], 0, 0, 1);
    }

    @Override
    public void run() {
      try {
        int k;
        while (!work.failed && (k = work.next.getAndIncrement()) < work.bounds.length - 1) {
          if (!parse(work.bounds[k], work.bounds[k + 1])) {
            work.failed = true;
            return;
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Parses the rows in [start, end); false after a bad row (see errorOffset). */
    private boolean parse(long start, long end) throws IOException {
      if (buf == null) { // sized for all the chunks this worker may take, not just the first
        long all = work.bounds[work.bounds.length - 1] - work.bounds[0];
        buf = new byte[(int) Math.min(bufferSize, all + 1)];
      }
      byte[] buf = this.buf;
      bufBase = start;
      long filePos = start;
      int len = 0;
      while (true) {
        int r = 0;
        if (filePos < end) {
          if (len == buf.length) {
            buf = this.buf = Arrays.copyOf(buf, buf.length * 2);
          }
          r =
              ch.read(
                  ByteBuffer.wrap(buf, len, (int) Math.min(buf.length - len, end - filePos)),
                  filePos);
          if (r < 0) {
            throw new IOException("file shrank while reading");
          }
          filePos += r;
          len += r;
        }
        boolean eof = filePos >= end;
        int limit;
        if (eof) {
          if (len > 0 && buf[len - 1] != '\n') {
            if (len == buf.length) {
              buf = this.buf = Arrays.copyOf(buf, buf.length + 1);
            }
            buf[len++] = '\n';
          }
          limit = len;
        } else {
          limit = len;
          while (limit > 0 && buf[limit - 1] != '\n') {
            limit--;
          }
          if (limit == 0) {
            continue; // line longer than the buffer: read more (buffer grows)
          }
        }
        int p = 0;
        try {
          while (p < limit) {
            p = rows(buf, p, limit);
          }
        } catch (BadField e) {
          errorOffset = bufBase + lineStart;
          errorColumn = e.column;
          errorProblem = e.getMessage();
          return false;
        }
        if (eof) {
          return true;
        }
        System.arraycopy(buf, limit, buf, 0, len - limit);
        bufBase += limit;
        len -= limit;
      }
    }

    /**
     * Parses up to {@link #ROWS_PER_CALL} lines from p; returns the start of the next line. The
     * loop over a buffer calls this instead of {@link #row} so that the JIT compiles the parser as
     * an ordinary method, by its call count, instead of compiling the long-running buffer loop
     * on-stack (a large extra compilation, late, of code that is already being compiled).
     */
    private int rows(byte[] b, int p, int limit) {
      for (int r = 0; r < ROWS_PER_CALL && p < limit; r++) {
        lineStart = p;
        p = row(b, p);
      }
      return p;
    }

    /** Parses the line at p (ending in '\n'); returns the start of the next line. */
    private int row(byte[] b, int p) {
      if (b[p] == '\n' || (b[p] == '\r' && b[p + 1] == '\n')) {
        return b[p] == '\n' ? p + 1 : p + 2; // blank line
      }
      // respondent_id
      int fs = p;
      p = fieldEnd(b, p, 0);
      expectMore(b, p, 0);
      p++;
      // population
      fs = p;
      p = fieldEnd(b, p, 1);
      int population = population(b, fs, trimCr(b, fs, p));
      expectMore(b, p, 1);
      p++;
      // department
      fs = p;
      p = fieldEnd(b, p, 2);
      int department = department(b, fs, trimCr(b, fs, p), population);
      p = answers(b, p);
      if (b[p] != '\n') {
        int fields = ncols;
        while (b[p] != '\n') {
          p++;
          p = fieldEnd(b, p, fields);
          fields++;
        }
        throw new BadField(ncols, "ragged row: expected " + ncols + " fields, found " + fields);
      }
      if (!fieldsAreAnswers) {
        scatter();
      }
      // every field was checked against the scale while parsing
      acc.addOnScale(population, department, answers, collab);
      return p + 1;
    }

    /**
     * Parses the answer fields into {@link #fields}; p is at the ',' (or '\n') after the
     * department. Returns the position of the ',' or '\n' after the last answer field.
     */
    private int answers(byte[] b, int p) {
      int[] v = fields;
      int m = v.length;
      int lo = min;
      int hi = max;
      int c = 0;
      while (c < m) {
        expectMore(b, p, c + FIXED_COLUMNS - 1);
        // four one-digit answers and the ',' after each: one 8-byte read, no branch per field
        if (swar && c + 4 < m && p + 9 <= b.length) {
          long w = (long) LONG_VIEW.get(b, p + 1);
          long x = w & DIGIT_LANES;
          if (((w & COMMA_LANES) == COMMAS) & (((x + swarLo) & ~(x + swarHi) & SIGNS) == SIGNS)) {
            v[c] = (int) (x & 0xFF) - '0';
            v[c + 1] = (int) ((x >>> 16) & 0xFF) - '0';
            v[c + 2] = (int) ((x >>> 32) & 0xFF) - '0';
            v[c + 3] = (int) (x >>> 48) - '0';
            c += 4;
            p += 8;
            continue;
          }
        }
        p++;
        int value;
        byte x = b[p];
        int d = x - '0';
        if (d >= 0 && d <= 9 && (b[p + 1] == ',' || b[p + 1] == '\n')) {
          value = d;
          p++;
        } else if (x == ',' || x == '\n' || (x == '\r' && b[p + 1] == '\n')) {
          value = AlignmentAccumulator.MISSING;
          if (x == '\r') {
            p++;
          }
        } else {
          int fs = p;
          p = fieldEnd(b, p, c + FIXED_COLUMNS);
          value = number(b, fs, trimCr(b, fs, p), c + FIXED_COLUMNS);
        }
        if (value != AlignmentAccumulator.MISSING && (value < lo || value > hi)) {
          throw new BadField(
              c + FIXED_COLUMNS, "value " + value + " is off the scale " + lo + ".." + hi);
        }
        v[c++] = value;
      }
      return p;
    }

    /** Copies {@link #fields} into the answers and collaboration ratings of the layout. */
    private void scatter() {
      for (int c = 0; c < fields.length; c++) {
        int col = c + FIXED_COLUMNS;
        if (kind[col] == KIND_ITEM) {
          answers[index[col]] = fields[c];
        } else {
          collab[index[col]] = fields[c];
        }
      }
    }

    private void expectMore(byte[] b, int p, int column) {
      if (b[p] == '\n') {
        throw new BadField(
            column + 1, "ragged row: expected " + ncols + " fields, found " + (column + 1));
      }
    }

    /** End (',' or '\n') of the field starting at p; handles quotes. */
    private static int fieldEnd(byte[] b, int p, int column) {
      if (b[p] == '"') {
        p++;
        while (true) {
          byte x = b[p];
          if (x == '\n') {
            throw new BadField(
                column, "unterminated quoted field (line breaks inside fields are not supported)");
          }
          p++;
          if (x == '"') {
            if (b[p] == '"') {
              p++;
            } else {
              break;
            }
          }
        }
        if (b[p] == '\r' && b[p + 1] == '\n') {
          p++;
        }
        if (b[p] != ',' && b[p] != '\n') {
          throw new BadField(column, "unexpected character after a quoted field");
        }
        return p;
      }
      while (b[p] != ',' && b[p] != '\n') {
        p++;
      }
      return p;
    }

    /** Drops a '\r' before the line end; b[fe − 1] is the preceding ',' for an empty field. */
    private static int trimCr(byte[] b, int fs, int fe) {
      return b[fe - 1] == '\r' ? fe - 1 : fe;
    }

    private static String text(byte[] b, int fs, int fe) {
      String s = new String(b, fs, fe - fs, StandardCharsets.UTF_8);
      if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
        s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
      }
      return s;
    }

    /**
     * 0 for {@code employee}, 1 for {@code customer}. The common case is decided on the field's 8
     * bytes read as one long, without a branch that depends on which population it is (the file may
     * hold a million employees before the first customer: a branch first taken then would make the
     * JIT throw away the compiled parser).
     */
    private static int population(byte[] b, int fs, int fe) {
      if (fe - fs == 8) {
        long v = (long) LONG_VIEW.get(b, fs);
        long ce = v ^ EMPLOYEE_LONG;
        long cc = v ^ CUSTOMER_LONG;
        long isEmployee = ((ce | -ce) >>> 63) ^ 1;
        long isCustomer = ((cc | -cc) >>> 63) ^ 1;
        if ((isEmployee | isCustomer) != 0) {
          return (int) isCustomer;
        }
      }
      String s = text(b, fs, fe);
      try {
        return Population.parse(s).ordinal();
      } catch (IllegalArgumentException e) {
        throw new BadField(1, e.getMessage());
      }
    }

    /**
     * Department index of the raw field bytes. The dictionary is keyed by the raw bytes (quotes
     * included), so the hot path neither unquotes nor allocates; a miss registers the department
     * under its unquoted, trimmed name.
     */
    private int department(byte[] b, int fs, int fe, int population) {
      int len = fe - fs;
      int h = 0;
      for (int i = fs; i < fe; i++) {
        h = 31 * h + b[i];
      }
      h ^= h >>> 16;
      int mask = keys.length - 1;
      int slot = h & mask;
      int d = -1;
      while (keys[slot] != null) {
        byte[] k = keys[slot];
        if (k.length == len && Arrays.equals(k, 0, len, b, fs, fe)) {
          d = values[slot];
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (d < 0) {
        d = register(b, fs, fe, slot);
      }
      // one branch, never taken on valid data: an employee in the "no department" department
      if (((d ^ emptyDepartment) | population) == 0) {
        throw new BadField(2, "an employee needs a department (blank field)");
      }
      return d;
    }

    private int register(byte[] b, int fs, int fe, int slot) {
      String s = text(b, fs, fe).trim();
      int known = acc.departmentCount();
      int d = acc.department(s);
      if (d == known) { // new to this worker (another raw spelling may name a known one)
        if (d == firstSeen.length) {
          firstSeen = Arrays.copyOf(firstSeen, d * 2);
        }
        firstSeen[d] = bufBase < 0 ? -1 : bufBase + lineStart;
      }
      if (s.isEmpty()) {
        emptyDepartment = d;
      }
      keys[slot] = Arrays.copyOfRange(b, fs, fe);
      values[slot] = d;
      if (++dictSize * 2 > keys.length) {
        rehash();
      }
      return d;
    }

    private void rehash() {
      byte[][] oldKeys = keys;
      int[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new int[keys.length];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        byte[] k = oldKeys[i];
        if (k == null) {
          continue;
        }
        int h = 0;
        for (byte x : k) {
          h = 31 * h + x;
        }
        h ^= h >>> 16;
        int slot = h & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = k;
        values[slot] = oldValues[i];
      }
    }

    /** General number parse: spaces, sign, digits, optional ".0…", quotes. */
    private int number(byte[] b, int fs, int fe, int column) {
      String s = text(b, fs, fe).trim();
      if (s.isEmpty()) {
        return AlignmentAccumulator.MISSING;
      }
      int i = 0;
      boolean neg = false;
      if (s.charAt(0) == '-' || s.charAt(0) == '+') {
        neg = s.charAt(0) == '-';
        i++;
      }
      long v = 0;
      int digits = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        v = v * 10 + (s.charAt(i) - '0');
        if (v > Integer.MAX_VALUE) {
          throw new BadField(column, "value " + s + " is off the scale " + min + ".." + max);
        }
        digits++;
        i++;
      }
      boolean fractionalZeros = true;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          fractionalZeros &= s.charAt(i) == '0';
          digits++;
          i++;
        }
      }
      if (digits == 0 || i != s.length()) {
        throw new BadField(column, "non-numeric answer \"" + s + "\"");
      }
      if (!fractionalZeros) {
        throw new BadField(
            column, "value " + s + " is off the scale " + min + ".." + max + " (integers only)");
      }
      return (int) (neg ? -v : v);
    }
  }
}

package org.cxalign.analytics.accumulate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A compact, versioned binary form of an {@link AlignmentAccumulator}, for storing it (a database
 * column) and reading it back on another node.
 *
 * <p>Format version 2, all integers unsigned LEB128 varints unless said otherwise:
 *
 * <pre>
 *   "CXAA"                      4 bytes magic
 *   version                     1 byte (2)
 *   layout fingerprint          4 bytes big-endian, CRC-32 of the layout's canonical text
 *   departments                 varint D
 *   D × { name length, UTF-8 name bytes, arrays A, A × array }
 *   array = length L, then runs until L values are written: zeros Z, literals K, K values
 *   CRC-32 of everything before  4 bytes big-endian
 * </pre>
 *
 * The arrays of a department are {@code AlignmentAccumulator}'s cells in a fixed order; per scale
 * and population the complete cases' Σo_j, then Σo_j² (o = answer − scale minimum). Version 1 held
 * there the upper triangle of Σo_i·o_j instead of Σo_j²; it is still read (its diagonal is Σo_j²),
 * so states stored by an earlier release decode to the same figures.
 *
 * <p>Every cell is a non-negative count or sum, so values are plain varints; runs of zeros (most of
 * a score table) cost a byte or two. Decoding checks the magic, version, fingerprint (the state
 * must belong to the layout given), every length against the layout, and the checksum: corrupt or
 * truncated input is an {@link IllegalArgumentException} saying what is wrong, never a partial
 * accumulator.
 */
public final class AccumulatorCodec {

  /** The format version written by {@link #encode}. */
  public static final int VERSION = 2;

  /** The first format: complete cases' cross-products as an upper triangle. */
  private static final int VERSION_TRIANGLE = 1;

  private static final byte[] MAGIC = {'C', 'X', 'A', 'A'};

  private AccumulatorCodec() {}

  /** Encodes the accumulator (it is not changed). */
  public static byte[] encode(AlignmentAccumulator acc) {
    Out out = new Out();
    out.bytes(MAGIC);
    out.raw(VERSION);
    out.int32(fingerprint(acc.layout()));
    int d = acc.departmentCount();
    out.varint(d);
    java.util.List<String> names = acc.departments();
    for (int i = 0; i < d; i++) {
      byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
      out.varint(name.length);
      out.bytes(name);
      long[][] arrays = acc.cellArrays(i);
      out.varint(arrays.length);
      for (long[] a : arrays) {
        writeArray(out, a);
      }
    }
    CRC32 crc = new CRC32();
    byte[] body = out.toByteArray();
    crc.update(body);
    out.int32((int) crc.getValue());
    return out.toByteArray();
  }

  private static void writeArray(Out out, long[] a) {
    out.varint(a.length);
    int i = 0;
    while (i < a.length) {
      int z = i;
      while (z < a.length && a[z] == 0) {
        z++;
      }
      int lit = z;
      while (lit < a.length && a[lit] != 0) {
        lit++;
      }
      out.varint(z - i);
      out.varint(lit - z);
      for (int k = z; k < lit; k++) {
        out.varint(a[k]);
      }
      i = lit;
    }
  }

  /**
   * Decodes a state written by {@link #encode} for the same layout.
   *
   * @throws IllegalArgumentException when the bytes are not such a state: wrong magic or version,
   *     another layout, truncated, checksum mismatch, or lengths that do not fit the layout
   */
  public static AlignmentAccumulator decode(byte[] data, ResponseLayout layout) {
    if (data == null) {
      throw new IllegalArgumentException("accumulator state: no data");
    }
    if (data.length < MAGIC.length + 1 + 4 + 1 + 4) {
      throw new IllegalArgumentException(
          "accumulator state: truncated (" + data.length + " bytes is shorter than any state)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (data[i] != MAGIC[i]) {
        throw new IllegalArgumentException("accumulator state: not an accumulator (bad magic)");
      }
    }
    int version = data[MAGIC.length] & 0xFF;
    if (version != VERSION && version != VERSION_TRIANGLE) {
      throw new IllegalArgumentException(
          "accumulator state: format version "
              + version
              + " is not supported ("
              + VERSION_TRIANGLE
              + " or "
              + VERSION
              + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    In in = new In(data, MAGIC.length + 1, data.length - 4);
    int stored = readInt32(data, data.length - 4);
    if ((int) crc.getValue() != stored) {
      throw new IllegalArgumentException(
          "accumulator state: checksum mismatch (corrupt or truncated data)");
    }
    int fp = in.int32();
    if (fp != fingerprint(layout)) {
      throw new IllegalArgumentException(
          "accumulator state: written for another layout (fingerprint differs)");
    }
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    long d = in.varint("department count");
    if (d > in.remaining()) {
      throw new IllegalArgumentException("accumulator state: department count " + d + " too big");
    }
    for (int i = 0; i < d; i++) {
      int len = in.length("department name length");
      String name = new String(in.bytes(len), StandardCharsets.UTF_8);
      int before = acc.departmentCount();
      int idx = acc.department(name);
      if (acc.departmentCount() == before) {
        throw new IllegalArgumentException(
            "accumulator state: department \"" + name + "\" appears twice");
      }
      long[][] arrays = acc.cellArrays(idx);
      long n = in.varint("array count");
      if (n != arrays.length) {
        throw new IllegalArgumentException(
            "accumulator state: department \""
                + name
                + "\" has "
                + n
                + " arrays, the layout needs "
                + arrays.length);
      }
      for (int k = 0; k < arrays.length; k++) {
        if (version == VERSION_TRIANGLE && AlignmentAccumulator.isCompleteSquares(k)) {
          int j = arrays[k].length;
          long[] triangle = new long[j * (j + 1) / 2];
          readArray(in, triangle, name, k);
          for (int a = 0, t = 0; a < j; t += j - a, a++) {
            arrays[k][a] = triangle[t]; // (a, a) opens row a of the upper triangle
          }
        } else {
          readArray(in, arrays[k], name, k);
        }
      }
    }
    if (in.pos != in.end) {
      throw new IllegalArgumentException(
          "accumulator state: "
              + (in.end - in.pos)
              + " unexpected bytes after the last department");
    }
    return acc;
  }

  private static void readArray(In in, long[] into, String department, int k) {
    long len = in.varint("array length");
    if (len != into.length) {
      throw new IllegalArgumentException(
          "accumulator state: department \""
              + department
              + "\" array "
              + k
              + " has length "
              + len
              + ", the layout needs "
              + into.length);
    }
    int i = 0;
    while (i < into.length) {
      long zeros = in.varint("zero run");
      long lits = in.varint("literal run");
      if (zeros + lits == 0 || zeros + lits > into.length - i) {
        throw new IllegalArgumentException(
            "accumulator state: department \"" + department + "\" array " + k + ": bad run");
      }
      i += (int) zeros;
      for (long q = 0; q < lits; q++) {
        long v = in.varint("value");
        if (v < 0) {
          throw new IllegalArgumentException(
              "accumulator state: department \"" + department + "\": negative count");
        }
        into[i++] = v;
      }
    }
  }

  /** CRC-32 of the layout's canonical text: scale, items, scales with their items, targets. */
  static int fingerprint(ResponseLayout layout) {
    StringBuilder sb = new StringBuilder();
    sb.append(layout.scale().min()).append(':').append(layout.scale().max()).append('\n');
    for (String i : layout.items()) {
      sb.append(i).append('\n');
    }
    sb.append('\n');
    for (ScaleDefinition s : layout.scales()) {
      sb.append(s.name()).append('=').append(java.util.Arrays.toString(s.items())).append('\n');
    }
    sb.append('\n');
    for (String t : layout.collabTargets()) {
      sb.append(t).append('\n');
    }
    CRC32 crc = new CRC32();
    crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static int readInt32(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | b[at + 3] & 0xFF;
  }

  private static final class Out extends ByteArrayOutputStream {
    Out() {
      super(4096);
    }

    void raw(int b) {
      write(b);
    }

    void bytes(byte[] b) {
      write(b, 0, b.length);
    }

    void int32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }
  }

  private static final class In {
    final byte[] b;
    int pos;
    final int end;

    In(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    int remaining() {
      return end - pos;
    }

    int int32() {
      if (end - pos < 4) {
        throw truncated("fingerprint");
      }
      int v = readInt32(b, pos);
      pos += 4;
      return v;
    }

    long varint(String what) {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw truncated(what);
        }
        int x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("accumulator state: " + what + " is not a valid varint");
    }

    int length(String what) {
      long v = varint(what);
      if (v > end - pos) {
        throw truncated(what);
      }
      return (int) v;
    }

    byte[] bytes(int n) {
      byte[] r = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return r;
    }

    static IllegalArgumentException truncated(String what) {
      return new IllegalArgumentException("accumulator state: truncated while reading " + what);
    }
  }
}

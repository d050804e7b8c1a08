package org.cxalign.analytics.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

class AccumulatorCodecTest {

  private static final Scale[] SCALES = {
    new Scale(1, 5), new Scale(1, 7), new Scale(-3, 3), new Scale(0, 10), new Scale(1, 2)
  };

  /** A random layout: 1–12 items, 1–3 scales over random subsets, 0–5 collaboration targets. */
  private static ResponseLayout randomLayout(SplittableRandom r) {
    Scale s = SCALES[r.nextInt(SCALES.length)];
    RandomLayouts.ItemsAndScales is = RandomLayouts.itemsAndScales(r);
    List<String> names = is.items();
    List<ScaleDefinition> scales = is.scales();
    List<String> targets = new ArrayList<>();
    int nTargets = r.nextInt(6);
    for (int t = 0; t < nTargets; t++) {
      targets.add(String.valueOf(10 + t));
    }
    return new ResponseLayout(s, names, scales, targets);
  }

  /** Adds {@code n} random responses (some answers missing) over departments 10.. and "". */
  private static void addRandom(AlignmentAccumulator acc, SplittableRandom r, int n) {
    ResponseLayout l = acc.layout();
    Scale s = l.scale();
    int departments = 1 + r.nextInt(6);
    for (int k = 0; k < n; k++) {
      int[] answers = new int[l.items().size()];
      for (int i = 0; i < answers.length; i++) {
        answers[i] =
            r.nextInt(8) == 0 ? AlignmentAccumulator.MISSING : s.min() + r.nextInt(s.options());
      }
      int[] collab = new int[l.collabTargets().size()];
      for (int t = 0; t < collab.length; t++) {
        collab[t] =
            r.nextInt(5) == 0 ? AlignmentAccumulator.MISSING : s.min() + r.nextInt(s.options());
      }
      int d = r.nextInt(departments);
      String name = d == 0 ? "" : String.valueOf(9 + d);
      acc.add(r.nextInt(2), acc.department(name), answers, collab);
    }
  }

  /** Same departments (by name) with equal cells; registration order may differ. */
  private static void assertSameContent(AlignmentAccumulator a, AlignmentAccumulator b) {
    List<String> an = new ArrayList<>(a.departments());
    List<String> bn = new ArrayList<>(b.departments());
    an.sort(null);
    bn.sort(null);
    assertEquals(an, bn);
    for (String d : an) {
      long[][] x = a.cellArrays(a.department(d));
      long[][] y = b.cellArrays(b.department(d));
      assertEquals(x.length, y.length);
      for (int k = 0; k < x.length; k++) {
        assertArrayEquals(x[k], y[k], "department " + d + " array " + k);
      }
    }
  }

  @Test
  void roundTripKeepsEveryCellOnRandomData() {
    SplittableRandom r = new SplittableRandom(20261123L);
    for (int trial = 0; trial < 200; trial++) {
      AlignmentAccumulator acc = new AlignmentAccumulator(randomLayout(r));
      addRandom(acc, r, r.nextInt(3) == 0 ? r.nextInt(3) : r.nextInt(6000));
      byte[] bytes = AccumulatorCodec.encode(acc);
      AlignmentAccumulator back = AccumulatorCodec.decode(bytes, acc.layout());
      assertSameContent(acc, back);
      assertEquals(acc.departments(), back.departments(), "registration order kept");
      assertArrayEquals(bytes, AccumulatorCodec.encode(back), "encoding is canonical");
      for (Population p : Population.values()) {
        assertEquals(acc.responses(p), back.responses(p));
      }
    }
  }

  @Test
  void mergeAfterDecodeEqualsMergeOfTheOriginals() {
    SplittableRandom r = new SplittableRandom(7L);
    for (int trial = 0; trial < 100; trial++) {
      ResponseLayout l = randomLayout(r);
      AlignmentAccumulator a = new AlignmentAccumulator(l);
      AlignmentAccumulator b = new AlignmentAccumulator(l);
      addRandom(a, r, r.nextInt(3000));
      addRandom(b, r, r.nextInt(3000));
      AlignmentAccumulator expected = a.copy();
      expected.merge(b);

      AlignmentAccumulator decodedA = AccumulatorCodec.decode(AccumulatorCodec.encode(a), l);
      decodedA.merge(AccumulatorCodec.decode(AccumulatorCodec.encode(b), l));
      assertSameContent(expected, decodedA);
    }
  }

  @Test
  void addingToADecodedStateEqualsAddingToTheOriginal() {
    SplittableRandom r = new SplittableRandom(99L);
    for (int trial = 0; trial < 50; trial++) {
      ResponseLayout l = randomLayout(r);
      AlignmentAccumulator a = new AlignmentAccumulator(l);
      addRandom(a, r, r.nextInt(5000));
      AlignmentAccumulator decoded = AccumulatorCodec.decode(AccumulatorCodec.encode(a), l);
      long seed = r.nextLong();
      addRandom(a, new SplittableRandom(seed), 5000);
      addRandom(decoded, new SplittableRandom(seed), 5000);
      assertSameContent(a, decoded);
    }
  }

  @Test
  void everyTruncationIsRejectedWithAMessage() {
    SplittableRandom r = new SplittableRandom(3L);
    ResponseLayout l = randomLayout(r);
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    addRandom(acc, r, 2000);
    byte[] bytes = AccumulatorCodec.encode(acc);
    for (int len = 0; len < bytes.length; len++) {
      byte[] cut = Arrays.copyOf(bytes, len);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(cut, l));
      assertTrue(e.getMessage().startsWith("accumulator state: "), e.getMessage());
    }
  }

  @Test
  void flippedBytesAreRejected() {
    SplittableRandom r = new SplittableRandom(4L);
    ResponseLayout l = randomLayout(r);
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    addRandom(acc, r, 2000);
    byte[] bytes = AccumulatorCodec.encode(acc);
    for (int k = 0; k < 500; k++) {
      byte[] bad = bytes.clone();
      int at = r.nextInt(bad.length);
      bad[at] ^= (byte) (1 + r.nextInt(255));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(bad, l));
      assertTrue(e.getMessage().startsWith("accumulator state: "), e.getMessage());
    }
  }

  /**
   * States written by the first format (complete cases' cross-products as a triangle) still decode,
   * to exactly the accumulator the same responses give now. The files under test resources were
   * written by release 3846f47's codec for randomLayout/addRandom(3000) with seeds 1–6.
   */
  @Test
  void aVersionOneStateDecodesToTheSameCounts() throws java.io.IOException {
    for (int seed = 1; seed <= 6; seed++) {
      byte[] v1;
      try (java.io.InputStream in =
          AccumulatorCodecTest.class.getResourceAsStream("state-v1-seed" + seed + ".bin")) {
        v1 = in.readAllBytes();
      }
      assertEquals(1, v1[4], "fixture " + seed + " is a version 1 state");
      SplittableRandom r = new SplittableRandom(seed);
      ResponseLayout l = randomLayout(r);
      AlignmentAccumulator fresh = new AlignmentAccumulator(l);
      addRandom(fresh, r, 3000);
      AlignmentAccumulator decoded = AccumulatorCodec.decode(v1, l);
      assertSameContent(fresh, decoded);
      assertArrayEquals(AccumulatorCodec.encode(fresh), AccumulatorCodec.encode(decoded));
      assertEquals(AccumulatorCodec.VERSION, AccumulatorCodec.encode(decoded)[4]);
      // a corrupted version 1 state is still refused
      byte[] bad = v1.clone();
      bad[bad.length - 20] ^= 1;
      assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(bad, l));
    }
  }

  @Test
  void aStateOfAnotherLayoutOrVersionIsRejected() {
    ResponseLayout a =
        ResponseLayout.singleScale(new Scale(1, 5), List.of("q0", "q1"), "all", List.of("1"));
    ResponseLayout b =
        ResponseLayout.singleScale(new Scale(1, 5), List.of("q0", "q1"), "all", List.of("2"));
    byte[] bytes = AccumulatorCodec.encode(new AlignmentAccumulator(a));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(bytes, b));
    assertTrue(e.getMessage().contains("another layout"), e.getMessage());

    byte[] v3 = bytes.clone();
    v3[4] = 3;
    e = assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(v3, a));
    assertTrue(e.getMessage().contains("format version 3"), e.getMessage());

    byte[] magic = bytes.clone();
    magic[0] = 'X';
    e = assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(magic, a));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> AccumulatorCodec.decode(null, a));
    assertTrue(e.getMessage().contains("no data"), e.getMessage());
  }

  @Test
  void aLargeSparseStateIsCompact() {
    // 40 items on 1..5: the score table of a 40-item scale has 40 × 161 cells, mostly zero
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add("q" + i);
    }
    ResponseLayout l = ResponseLayout.singleScale(new Scale(1, 5), items, "all", List.of());
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    addRandom(acc, new SplittableRandom(5L), 10_000);
    long cells = 0;
    for (String d : acc.departments()) {
      for (long[] a : acc.cellArrays(acc.department(d))) {
        cells += a.length;
      }
    }
    byte[] bytes = AccumulatorCodec.encode(acc);
    assertTrue(bytes.length < cells * 8 / 4, bytes.length + " bytes for " + cells + " cells");
  }
}

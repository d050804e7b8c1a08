package org.cxalign.survey.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.junit.jupiter.api.Test;

class ResponseVectorTest {

  private static final int M = AlignmentAccumulator.MISSING;

  @Test
  void thePayloadRoundTripsRandomVectors() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 500; trial++) {
      int[] answers = new int[1 + r.nextInt(80)];
      int[] collab = new int[r.nextInt(10)];
      for (int[] a : new int[][] {answers, collab}) {
        for (int i = 0; i < a.length; i++) {
          a[i] = r.nextInt(4) == 0 ? M : r.nextInt(-10, 11);
        }
      }
      String payload = ResponseVector.payload(answers, collab);
      int[] a2 = new int[answers.length];
      int[] c2 = new int[collab.length];
      Arrays.fill(a2, 42);
      Arrays.fill(c2, 42);
      ResponseVector.parse(payload, a2, c2);
      assertArrayEquals(answers, a2, payload);
      assertArrayEquals(collab, c2, payload);
    }
  }

  @Test
  void theFormatIsCommaSeparatedWithEmptyFieldsForMissingAnswers() {
    assertEquals("4,,1|,5", ResponseVector.payload(new int[] {4, M, 1}, new int[] {M, 5}));
    assertEquals(",|", ResponseVector.payload(new int[] {M, M}, new int[0]));
  }

  @Test
  void aPayloadOfAnotherSizeIsRejected() {
    int[] a = new int[3];
    int[] c = new int[2];
    assertThrows(IllegalArgumentException.class, () -> ResponseVector.parse("1,2|3,4", a, c));
    assertThrows(IllegalArgumentException.class, () -> ResponseVector.parse("1,2,3,4|3,4", a, c));
    assertThrows(IllegalArgumentException.class, () -> ResponseVector.parse("1,2,3|3", a, c));
    assertThrows(IllegalArgumentException.class, () -> ResponseVector.parse("1,2,3", a, c));
    assertThrows(IllegalArgumentException.class, () -> ResponseVector.parse("1,x,3|3,4", a, c));
    assertThrows(
        IllegalArgumentException.class, () -> ResponseVector.parse("1|2", new int[1], new int[0]));
  }
}

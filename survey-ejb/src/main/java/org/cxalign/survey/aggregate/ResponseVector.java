package org.cxalign.survey.aggregate;

import java.io.Serializable;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;

/**
 * One response as the accumulator takes it: population index, department key, answers in layout
 * order and collaboration ratings in target order ({@link AlignmentAccumulator#MISSING} where not
 * answered).
 */
public record ResponseVector(int population, String department, int[] answers, int[] collab)
    implements Serializable {

  /** Adds this response to {@code acc}. */
  public void addTo(AlignmentAccumulator acc) {
    acc.add(population, acc.department(department), answers, collab);
  }

  /**
   * The outbox text of the arrays: answers then collaboration ratings, comma-separated, an empty
   * field for a missing answer, the two parts separated by {@code |}.
   */
  public static String payload(int[] answers, int[] collab) {
    StringBuilder sb = new StringBuilder(answers.length * 2 + collab.length * 2 + 1);
    append(sb, answers);
    sb.append('|');
    append(sb, collab);
    return sb.toString();
  }

  private static void append(StringBuilder sb, int[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (values[i] != AlignmentAccumulator.MISSING) {
        sb.append(values[i]);
      }
    }
  }

  /**
   * Reads an outbox text into arrays of the layout's sizes.
   *
   * @throws IllegalArgumentException when the text does not fit the sizes
   */
  public static void parse(String payload, int[] answers, int[] collab) {
    int bar = payload.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("outbox answers without '|'");
    }
    parse(payload, 0, bar, answers);
    parse(payload, bar + 1, payload.length(), collab);
  }

  private static void parse(String s, int from, int to, int[] into) {
    if (into.length == 0) {
      if (from != to) {
        throw new IllegalArgumentException("outbox answers: expected no values");
      }
      return;
    }
    int k = 0;
    int pos = from;
    while (true) {
      int end = s.indexOf(',', pos);
      if (end < 0 || end > to) {
        end = to;
      }
      if (k == into.length) {
        throw new IllegalArgumentException("outbox answers: more than " + into.length + " values");
      }
      into[k++] = end == pos ? AlignmentAccumulator.MISSING : Integer.parseInt(s, pos, end, 10);
      if (end == to) {
        break;
      }
      pos = end + 1;
    }
    if (k != into.length) {
      throw new IllegalArgumentException(
          "outbox answers: " + k + " values, the layout has " + into.length);
    }
  }
}

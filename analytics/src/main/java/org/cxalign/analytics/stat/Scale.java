package org.cxalign.analytics.stat;

/**
 * An answer scale of consecutive integer options {@code min, min+1, ..., max}, for example a 1–5
 * Likert scale.
 *
 * <p>The number of options is A = max − min + 1. The variance of the uniform ("no agreement") null
 * distribution over the A options is σ²_EU = (A² − 1)/12 (James, Demaree &amp; Wolf 1984, p. 88),
 * the expected variance used by r_wg and r_wg(J).
 *
 * @param min the lowest option
 * @param max the highest option, greater than {@code min}
 */
public record Scale(int min, int max) {

  /** Validates {@code min < max}. */
  public Scale {
    if (min >= max) {
      throw new IllegalArgumentException(
          "a scale needs min < max, got min=" + min + ", max=" + max);
    }
    if ((long) max - min + 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("scale " + min + ".." + max + " has too many options");
    }
  }

  /** The number of answer options A = max − min + 1. */
  public int options() {
    return max - min + 1;
  }

  /** The variance of the discrete uniform distribution over the options, (A² − 1)/12. */
  public double uniformNullVariance() {
    double a = options();
    return (a * a - 1.0) / 12.0;
  }

  /** Whether {@code v} is one of the options (an integer between min and max). */
  public boolean contains(double v) {
    return v >= min && v <= max && v == Math.rint(v);
  }

  /**
   * Checks that {@code v} is one of the options.
   *
   * @throws IllegalArgumentException if {@code v} is NaN, outside [min, max] or not an integer
   */
  public void require(double v) {
    if (!contains(v)) {
      throw new IllegalArgumentException(
          "value " + v + " is not an option of the scale " + min + ".." + max + " (integers only)");
    }
  }

  /** Checks every value of {@code values}, see {@link #require(double)}. */
  public void requireAll(double[] values) {
    for (double v : values) {
      require(v);
    }
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }

  // Written out: a record's generated equals and hashCode are linked on their first call through
  // java.lang.runtime.ObjectMethods, which cost a cold command line about a twentieth of a second.
  @Override
  public boolean equals(Object o) {
    return o instanceof Scale s && s.min == min && s.max == max;
  }

  @Override
  public int hashCode() {
    return 31 * min + max;
  }
}

package org.cxalign.analytics.stat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of Student's t, remembered: the very doubles Commons Math's {@code new
 * TDistribution(null, df, accuracy).inverseCumulativeProbability(p)} returns (it is a deterministic
 * function of df, p and the solver's accuracy; no approximation here), each computed once while it
 * stays in a bounded cache.
 *
 * <p>Why: with df in the thousands or more, one quantile costs Commons Math a Brent search over
 * dozens of evaluations of the t CDF (incomplete beta continued fractions), and a report computes
 * the same quantiles over and over: every item of a department answered by the same n respondents
 * has the same df = n − 1, the sections of one aggregate version repeat each other's intervals, and
 * between consecutive versions the n of most groups and scales stay the same.
 *
 * <p>Bounded: two generations of at most {@value #GENERATION} entries each. New results go to the
 * young one; when it is full it becomes the old one (the previous old one is dropped); a hit in the
 * old one is copied to the young one, so that quantiles in use survive. Safe between threads: a
 * result computed twice by two threads is the same double (threads racing at the turn of a
 * generation may add a few entries beyond the bound, or lose a few to the dropped generation).
 */
public final class TQuantiles {

  /** Entries per generation (two generations at most). */
  static final int GENERATION = 4096;

  private record Key(double df, double p, double accuracy) {}

  private static volatile Map<Key, Double> young = new ConcurrentHashMap<>();
  private static volatile Map<Key, Double> old = new ConcurrentHashMap<>();
  private static final LongAdder HITS = new LongAdder();
  private static final LongAdder MISSES = new LongAdder();

  private TQuantiles() {}

  /**
   * The p-quantile of t with df degrees of freedom, solved to {@link
   * Distributions#INVERSE_ACCURACY} (as {@code Distributions.t(df)}).
   */
  public static double quantile(double df, double p) {
    return quantile(df, p, Distributions.INVERSE_ACCURACY);
  }

  /**
   * The p-quantile of t with df degrees of freedom, solved to the given absolute accuracy ({@link
   * TDistribution#DEFAULT_INVERSE_ABSOLUTE_ACCURACY} is what {@code new TDistribution(null, df)}
   * uses). Throws as Commons Math does for df &le; 0 or p outside [0, 1] (nothing is remembered).
   */
  public static double quantile(double df, double p, double accuracy) {
    Key key = new Key(df, p, accuracy);
    Double q = young.get(key);
    if (q == null) {
      q = old.get(key);
      if (q != null) {
        remember(key, q);
      }
    }
    if (q != null) {
      HITS.increment();
      return q;
    }
    MISSES.increment();
    double computed = new TDistribution(null, df, accuracy).inverseCumulativeProbability(p);
    remember(key, computed);
    return computed;
  }

  private static void remember(Key key, Double q) {
    Map<Key, Double> y = young;
    if (y.size() >= GENERATION) {
      synchronized (TQuantiles.class) {
        if (young == y) {
          old = y;
          young = new ConcurrentHashMap<>();
        }
        y = young;
      }
    }
    y.put(key, q);
  }

  /** Lookups answered from the cache since the start (or {@link #clear}); diagnostics. */
  public static long hits() {
    return HITS.sum();
  }

  /** Lookups that computed the quantile since the start (or {@link #clear}); diagnostics. */
  public static long misses() {
    return MISSES.sum();
  }

  /**
   * The number of remembered quantiles (both generations; 2 × {@value #GENERATION} at most in one
   * thread).
   */
  static int size() {
    return young.size() + old.size();
  }

  /** Forgets every quantile and resets the counters (tests and profiles). */
  public static synchronized void clear() {
    young = new ConcurrentHashMap<>();
    old = new ConcurrentHashMap<>();
    HITS.reset();
    MISSES.reset();
  }
}

package org.cxalign.analytics.accumulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.cxalign.analytics.stat.Scale;

/**
 * The sufficient statistics of a report, updated one response at a time and mergeable:
 *
 * <ul>
 *   <li>per (population, department, item): answer-option counts (→ n, mean, variance, r_wg, AD);
 *   <li>per (population, department, scale): the exact scale-score distribution, counts per (answer
 *       sum, items answered) (→ n, Σ, Σ², ANOVA, Welch, Cohen's d, Mann–Whitney ranks);
 *   <li>per (population, department, scale): complete-case n, Σx_j, Σx_j² (→ r_wg(J), α; the
 *       complete cases' sum-score moments for α come from the scale-score distribution);
 *   <li>per (population, department, rated department): collaboration option counts;
 *   <li>per (population, department): the number of responses.
 * </ul>
 *
 * All cells are integer counts or integer sums in {@code long} arrays, so adding and merging are
 * exact and order-independent. {@link #add(int, int, int[], int[])} neither boxes nor allocates.
 * Not thread-safe: give each thread its own accumulator and {@link #merge} them.
 */
public final class AlignmentAccumulator {
  /** Marks a missing answer in the arrays given to {@link #add}. */
  public static final int MISSING = Integer.MIN_VALUE;

  private static final int POPULATIONS = 2;

  private final ResponseLayout layout;
  private final int min;
  private final int options;
  private final int itemCount;
  private final int collabCount;
  private final int[][] scaleItems;
  private final int[] tableWidth;
  private final int[] scratch;
  // scale 0 holds every item in layout order (a CSV without an instrument, and the built-in one)
  private final boolean firstScaleIsAllItems;
  private final int collabTableWidth;
  private final int collabTableSize;

  private final Map<String, Integer> departmentIndex = new HashMap<>();
  private final List<String> departmentNames = new ArrayList<>();
  private Cells[] cells = new Cells[8];

  /** Cells of one department. */
  private final class Cells {
    final long[] responses = new long[POPULATIONS];
    final long[] itemCounts = new long[POPULATIONS * itemCount * options];
    final long[] collabCounts = new long[POPULATIONS * collabCount * options];
    final long[][] scoreTables = new long[POPULATIONS * scaleItems.length][];
    final long[] completeN = new long[POPULATIONS * scaleItems.length];
    // complete cases in offset units (answer − min): Σo_j and Σo_j²
    final long[][] completeSums = new long[POPULATIONS * scaleItems.length][];
    final long[][] completeSquares = new long[POPULATIONS * scaleItems.length][];
    // the collaboration scale: ratings of every target except the department itself
    final int ownTarget;
    final long[] collabScores;
    final long[] collabCompleteN = new long[POPULATIONS];
    final long[] collabCompleteSums = new long[POPULATIONS * collabCount];
    final long[] collabCompleteSquares = new long[POPULATIONS * collabCount];

    Cells(String name) {
      ownTarget = layout.collabTargets().indexOf(name);
      collabScores = new long[POPULATIONS * collabTableSize];
      for (int p = 0; p < POPULATIONS; p++) {
        for (int s = 0; s < scaleItems.length; s++) {
          int j = scaleItems[s].length;
          int c = p * scaleItems.length + s;
          scoreTables[c] = new long[j * tableWidth[s]];
          completeSums[c] = new long[j];
          completeSquares[c] = new long[j];
        }
      }
    }

    void addAll(Cells o) {
      addInto(responses, o.responses);
      addInto(itemCounts, o.itemCounts);
      addInto(collabCounts, o.collabCounts);
      addInto(collabScores, o.collabScores);
      addInto(collabCompleteN, o.collabCompleteN);
      addInto(collabCompleteSums, o.collabCompleteSums);
      addInto(collabCompleteSquares, o.collabCompleteSquares);
      for (int c = 0; c < scoreTables.length; c++) {
        addScaleCell(o, c);
      }
    }

    /** Adds o's cell c (population × scale): scores and complete cases. */
    void addScaleCell(Cells o, int c) {
      completeN[c] += o.completeN[c];
      addInto(scoreTables[c], o.scoreTables[c]);
      addInto(completeSums[c], o.completeSums[c]);
      addInto(completeSquares[c], o.completeSquares[c]);
    }

    /**
     * Adds population p of o (a department of an accumulator with the same items and scales) into
     * these cells, o's collaboration target t counting as target {@code targets[t]}. See {@link
     * AlignmentAccumulator#regroup} for when the collaboration scale carries over.
     */
    void addPopulation(Cells o, int p, int[] targets, String what) {
      responses[p] += o.responses[p];
      int items = itemCount * options;
      addRange(itemCounts, o.itemCounts, p * items, p * items, items);
      for (int s = 0; s < scaleItems.length; s++) {
        addScaleCell(o, p * scaleItems.length + s);
      }
      if (collabCount == 0) {
        return;
      }
      int oldOwn = o.ownTarget;
      boolean sameScale = (oldOwn < 0 ? -1 : targets[oldOwn]) == ownTarget;
      // o's respondents never rated their own department: their scale there is every target
      // they rated, as it is here (no own target); none of them rated every target, so none is a
      // complete case here
      boolean ownUnrated = !sameScale && ownTarget < 0 && !rated(o, p, oldOwn);
      if (!sameScale && !ownUnrated && rated(o, p, -1)) {
        throw new IllegalArgumentException(
            what
                + ": their collaboration scale (the departments other than their own) would change");
      }
      for (int t = 0; t < collabCount; t++) {
        addRange(
            collabCounts,
            o.collabCounts,
            (p * collabCount + targets[t]) * options,
            (p * collabCount + t) * options,
            options);
      }
      addRange(
          collabScores, o.collabScores, p * collabTableSize, p * collabTableSize, collabTableSize);
      if (sameScale) {
        collabCompleteN[p] += o.collabCompleteN[p];
        for (int t = 0; t < collabCount; t++) {
          collabCompleteSums[p * collabCount + targets[t]] +=
              o.collabCompleteSums[p * collabCount + t];
          collabCompleteSquares[p * collabCount + targets[t]] +=
              o.collabCompleteSquares[p * collabCount + t];
        }
      }
    }
  }

  /** Whether someone of population p in o rated target t (t &lt; 0: any target). */
  private boolean rated(Cells o, int p, int t) {
    int from = (p * collabCount + Math.max(0, t)) * options;
    int to = t < 0 ? (p + 1) * collabCount * options : from + options;
    for (int i = from; i < to; i++) {
      if (o.collabCounts[i] != 0) {
        return true;
      }
    }
    return false;
  }

  private static void addRange(long[] into, long[] from, int intoStart, int fromStart, int n) {
    for (int i = 0; i < n; i++) {
      into[intoStart + i] += from[fromStart + i];
    }
  }

  public AlignmentAccumulator(ResponseLayout layout) {
    this.layout = layout;
    Scale scale = layout.scale();
    this.min = scale.min();
    this.options = scale.options();
    this.itemCount = layout.items().size();
    this.collabCount = layout.collabTargets().size();
    this.scaleItems = new int[layout.scales().size()][];
    this.tableWidth = new int[scaleItems.length];
    for (int s = 0; s < scaleItems.length; s++) {
      scaleItems[s] = layout.scales().get(s).items();
      tableWidth[s] = ScaleScoreDistribution.width(scale, scaleItems[s].length);
    }
    int maxJ = 0;
    for (int[] it : scaleItems) {
      maxJ = Math.max(maxJ, it.length);
    }
    this.scratch = new int[maxJ];
    boolean all = scaleItems.length > 0 && scaleItems[0].length == itemCount;
    for (int i = 0; all && i < itemCount; i++) {
      all = scaleItems[0][i] == i;
    }
    this.firstScaleIsAllItems = all;
    this.collabTableWidth = collabCount == 0 ? 0 : ScaleScoreDistribution.width(scale, collabCount);
    this.collabTableSize =
        collabCount == 0 ? 0 : ScaleScoreDistribution.tableSize(scale, collabCount);
  }

  public ResponseLayout layout() {
    return layout;
  }

  /**
   * Index of a department, registering it on first use. The empty name stands for "no department"
   * (customers who are not attached to one).
   */
  public int department(String name) {
    Integer i = departmentIndex.get(name);
    if (i != null) {
      return i;
    }
    int idx = departmentNames.size();
    departmentNames.add(name);
    departmentIndex.put(name, idx);
    if (idx == cells.length) {
      cells = Arrays.copyOf(cells, idx * 2);
    }
    cells[idx] = new Cells(name);
    return idx;
  }

  /** Departments in order of registration. */
  public List<String> departments() {
    return List.copyOf(departmentNames);
  }

  public int departmentCount() {
    return departmentNames.size();
  }

  /**
   * Adds one response.
   *
   * @param population {@link Population#ordinal()}
   * @param department index from {@link #department(String)}
   * @param answers one value per layout item, {@link #MISSING} when not answered
   * @param collab one rating per collaboration target, {@link #MISSING} when not given; may be null
   *     when the layout has no targets
   * @throws IllegalArgumentException when an answer is off the scale (nothing is added then)
   */
  public void add(int population, int department, int[] answers, int[] collab) {
    if (population < 0 || population >= POPULATIONS) {
      throw new IllegalArgumentException("population index " + population);
    }
    if (department < 0 || department >= departmentNames.size()) {
      throw new IllegalArgumentException("unknown department index " + department);
    }
    if (answers.length != itemCount) {
      throw new IllegalArgumentException(
          "expected " + itemCount + " answers, got " + answers.length);
    }
    if (!allOnScale(answers)) {
      for (int i = 0; i < itemCount; i++) {
        checkOption(answers[i], i);
      }
    }
    if (collabCount > 0) {
      if (collab == null || collab.length != collabCount) {
        throw new IllegalArgumentException("expected " + collabCount + " collaboration ratings");
      }
      if (!allOnScale(collab)) {
        for (int t = 0; t < collabCount; t++) {
          checkOption(collab[t], -1 - t);
        }
      }
    }
    addOnScale(population, department, answers, collab);
  }

  /**
   * {@link #add(int, int, int[], int[])} for a caller that has already checked every value: the
   * population and department indices valid, the arrays of the layout's lengths, every value {@link
   * #MISSING} or on the scale. The response CSV reader checks each field as it parses it; checking
   * again here was a tenth of a report's parse time. A value off the scale here corrupts the counts
   * or throws {@link ArrayIndexOutOfBoundsException}: everyone else calls {@code add}.
   */
  public void addOnScale(int population, int department, int[] answers, int[] collab) {
    Cells c = cells[department];
    c.responses[population]++;
    // The loops live in small methods: the JIT then compiles add() once, by its call count,
    // instead of compiling it twice (on-stack replacement first, triggered by the loops' back
    // edges, then again normally) — that was a large share of the run time of one report.
    int base = population * itemCount * options - min;
    int first = 0;
    int[] x = scratch;
    long firstSum = 0;
    if (firstScaleIsAllItems) {
      // the usual layout: one pass counts the options and gathers the first scale
      firstSum = countAndGather(c.itemCounts, base, answers, x, min, options);
    } else {
      countOptions(c.itemCounts, base, answers, options);
      first = -1;
    }
    if (collabCount > 0) {
      addCollaboration(c, population, collab);
    }
    for (int s = 0; s < scaleItems.length; s++) {
      int j = scaleItems[s].length;
      long kSum = s == first ? firstSum : gather(answers, scaleItems[s], x, min);
      int k = (int) kSum;
      if (k == 0) {
        continue;
      }
      int sum = (int) (kSum >>> 32);
      int cell = population * scaleItems.length + s;
      c.scoreTables[cell][(k - 1) * tableWidth[s] + sum]++;
      if (k == j) {
        c.completeN[cell]++;
        addMoments(c.completeSums[cell], c.completeSquares[cell], x, j);
      }
    }
  }

  private static void countOptions(long[] counts, int base, int[] values, int options) {
    for (int i = 0; i < values.length; i++) {
      int v = values[i];
      if (v != MISSING) {
        counts[base + i * options + v]++;
      }
    }
  }

  /** {@link #countOptions} and {@link #gather} of the scale of all items, in one pass. */
  private static long countAndGather(
      long[] counts, int base, int[] values, int[] x, int min, int options) {
    int k = 0;
    int sum = 0;
    for (int i = 0; i < values.length; i++) {
      int v = values[i];
      if (v != MISSING) {
        counts[base + i * options + v]++;
        int o = v - min;
        x[k++] = o;
        sum += o;
      }
    }
    return (long) sum << 32 | k;
  }

  /** Offsets of the answered items of a scale into x; returns (Σ offsets) << 32 | answered. */
  private static long gather(int[] answers, int[] idx, int[] x, int min) {
    int k = 0;
    int sum = 0;
    for (int q = 0; q < idx.length; q++) {
      int v = answers[idx[q]];
      if (v != MISSING) {
        int o = v - min;
        x[k++] = o;
        sum += o;
      }
    }
    return (long) sum << 32 | k;
  }

  private static void addMoments(long[] sums, long[] squares, int[] x, int j) {
    for (int a = 0; a < j; a++) {
      int o = x[a];
      sums[a] += o;
      squares[a] += o * o;
    }
  }

  private void addCollaboration(Cells c, int population, int[] collab) {
    countOptions(c.collabCounts, population * collabCount * options - min, collab, options);
    int k = 0;
    int sum = 0;
    for (int t = 0; t < collabCount; t++) {
      int v = collab[t];
      if (v != MISSING && t != c.ownTarget) {
        k++;
        sum += v - min;
      }
    }
    if (k > 0) {
      c.collabScores[population * collabTableSize + (k - 1) * collabTableWidth + sum]++;
    }
    int others = collabCount - (c.ownTarget >= 0 ? 1 : 0);
    if (k == others && k > 0) {
      c.collabCompleteN[population]++;
      int sb = population * collabCount;
      for (int t = 0; t < collabCount; t++) {
        if (t != c.ownTarget) {
          long o = collab[t] - min;
          c.collabCompleteSums[sb + t] += o;
          c.collabCompleteSquares[sb + t] += o * o;
        }
      }
    }
  }

  /** Adds one response, looking the department up by name. */
  public void add(Population population, String department, int[] answers, int[] collab) {
    add(population.ordinal(), department(department), answers, collab);
  }

  /** Whether every value is missing or an option, without a branch per value. */
  private boolean allOnScale(int[] values) {
    int bad = 0;
    for (int v : values) {
      // offsets outside 0..A−1 are negative or ≥ A; MISSING is excused
      int o = v - min;
      int d = v ^ MISSING; // 0 only for MISSING
      bad |= ((o | (options - 1 - o)) >> 31) & ((d | -d) >> 31);
    }
    return bad == 0;
  }

  private void checkOption(int v, int item) {
    if (v != MISSING && (v < min || v >= min + options)) {
      String what =
          item >= 0
              ? "item " + layout.items().get(item)
              : "collaboration rating of " + layout.collabTargets().get(-1 - item);
      throw new IllegalArgumentException(
          what + ": value " + v + " is off the scale " + layout.scale());
    }
  }

  /** Adds everything {@code other} holds into this accumulator (departments matched by name). */
  public void merge(AlignmentAccumulator other) {
    if (!other.layout.equals(layout)) {
      throw new IllegalArgumentException("cannot merge accumulators of different layouts");
    }
    for (int d = 0; d < other.departmentNames.size(); d++) {
      int mine = department(other.departmentNames.get(d)); // may grow cells: index it after
      cells[mine].addAll(other.cells[d]);
    }
  }

  /** An independent copy. */
  public AlignmentAccumulator copy() {
    AlignmentAccumulator c = new AlignmentAccumulator(layout);
    c.merge(this);
    return c;
  }

  /**
   * The same responses in other groups: population p of department d counted under department
   * {@code label.apply(p, d)}, and collaboration target t under target {@code targets[t]} of {@code
   * into}. Equals adding every response again with its new department and its ratings rearranged
   * (cells are sums over responses, so moving them is exact); departments that receive no response
   * are not registered.
   *
   * <p>The one cell that is not a sum of per-department cells is the collaboration scale (each
   * respondent's mean rating of the targets other than their own department). It carries over when
   * the new department's own target is the old one's (renamed or reordered targets), or when the
   * new department has no own target (a pool) and nobody moved into it rated their own department —
   * the survey never asks that — and otherwise only when nobody moved rated anyone.
   *
   * @param into the new layout: the same scale, items and scales; collaboration targets a
   *     rearrangement of these
   * @param label the new department of each population × department with responses (not null)
   * @param targets old target index → new target index, a permutation
   * @throws IllegalArgumentException when the layouts do not match, {@code targets} is not a
   *     permutation, a label is null, or a collaboration scale cannot be carried over exactly
   */
  public AlignmentAccumulator regroup(
      ResponseLayout into, BiFunction<Population, String, String> label, int[] targets) {
    if (!into.scale().equals(layout.scale())
        || !into.items().equals(layout.items())
        || !into.scales().equals(layout.scales())) {
      throw new IllegalArgumentException("regroup keeps the scale, items and scales");
    }
    if (targets.length != collabCount || into.collabTargets().size() != collabCount) {
      throw new IllegalArgumentException(
          "expected a new index for each of " + collabCount + " collaboration targets");
    }
    boolean[] seen = new boolean[collabCount];
    for (int t : targets) {
      if (t < 0 || t >= collabCount || seen[t]) {
        throw new IllegalArgumentException(
            "collaboration targets must be a permutation: " + Arrays.toString(targets));
      }
      seen[t] = true;
    }
    AlignmentAccumulator r = new AlignmentAccumulator(into);
    for (int d = 0; d < departmentNames.size(); d++) {
      Cells o = cells[d];
      for (Population p : Population.values()) {
        if (o.responses[p.ordinal()] == 0) {
          continue; // every response counts here: nothing else of p in this department
        }
        String from = departmentNames.get(d);
        String to = label.apply(p, from);
        if (to == null) {
          throw new IllegalArgumentException(
              "no new department for " + p.label() + "s of \"" + from + "\"");
        }
        int idx = r.department(to); // may grow r.cells: index it after
        r.cells[idx].addPopulation(
            o, p.ordinal(), targets, p.label() + "s of \"" + from + "\" moved to \"" + to + "\"");
      }
    }
    return r;
  }

  /**
   * The exact cell arrays of department {@code d} in a fixed order: live references for {@link
   * AccumulatorCodec} (it reads them to encode, adds into them to decode).
   */
  long[][] cellArrays(int d) {
    Cells c = cells[d];
    int n = c.scoreTables.length;
    long[][] r = new long[8 + 3 * n][];
    r[0] = c.responses;
    r[1] = c.itemCounts;
    r[2] = c.collabCounts;
    r[3] = c.collabScores;
    r[4] = c.collabCompleteN;
    r[5] = c.collabCompleteSums;
    r[6] = c.collabCompleteSquares;
    r[7] = c.completeN;
    for (int k = 0; k < n; k++) {
      r[8 + 3 * k] = c.scoreTables[k];
      r[9 + 3 * k] = c.completeSums[k];
      r[10 + 3 * k] = c.completeSquares[k];
    }
    return r;
  }

  /** Whether array {@code k} of {@link #cellArrays} is a scale's complete-case Σo_j². */
  static boolean isCompleteSquares(int k) {
    return k >= 8 && (k - 8) % 3 == 2;
  }

  // ---- read side (report time; these allocate) ----

  private Cells cells(String department) {
    Integer d = departmentIndex.get(department);
    if (d == null) {
      throw new IllegalArgumentException("unknown department \"" + department + "\"");
    }
    return cells[d];
  }

  /** Responses of a population in a department. */
  public long responses(Population p, String department) {
    return cells(department).responses[p.ordinal()];
  }

  /** Responses of a population over all departments. */
  public long responses(Population p) {
    long n = 0;
    for (int d = 0; d < departmentNames.size(); d++) {
      n += cells[d].responses[p.ordinal()];
    }
    return n;
  }

  /** Answer-option counts of one item in one department ({@code [o]} = answers of min + o). */
  public long[] itemCounts(Population p, String department, int item) {
    int from = (p.ordinal() * itemCount + item) * options;
    return Arrays.copyOfRange(cells(department).itemCounts, from, from + options);
  }

  /** Answer-option counts of one item over all departments. */
  public long[] itemCounts(Population p, int item) {
    long[] r = new long[options];
    for (String d : departmentNames) {
      addInto(r, itemCounts(p, d, item));
    }
    return r;
  }

  /** Collaboration option counts of raters in {@code from} about target {@code target}. */
  public long[] collabCounts(Population p, String from, int target) {
    int start = (p.ordinal() * collabCount + target) * options;
    return Arrays.copyOfRange(cells(from).collabCounts, start, start + options);
  }

  /**
   * The collaboration scale of a department: each respondent's mean rating over the targets other
   * than the department itself (respondents who rated none of them are left out). The
   * distribution's item count is the number of collaboration targets.
   */
  public ScaleScoreDistribution collaborationScores(Population p, String department) {
    int from = p.ordinal() * collabTableSize;
    return new ScaleScoreDistribution(
        layout.scale(),
        Math.max(1, collabCount),
        collabCount == 0
            ? new long[ScaleScoreDistribution.tableSize(layout.scale(), 1)]
            : Arrays.copyOfRange(cells(department).collabScores, from, from + collabTableSize));
  }

  /**
   * Respondents of a department who rated every collaboration target other than their own
   * department (the complete cases of its collaboration scale).
   */
  public long collaborationCompleteCases(Population p, String department) {
    return cells(department).collabCompleteN[p.ordinal()];
  }

  /**
   * The targets of a department's collaboration scale: every target except the department itself,
   * as indices into the layout's collaboration targets.
   */
  public int[] collaborationScaleTargets(String department) {
    int own = cells(department).ownTarget;
    int[] r = new int[collabCount - (own >= 0 ? 1 : 0)];
    int k = 0;
    for (int t = 0; t < collabCount; t++) {
      if (t != own) {
        r[k++] = t;
      }
    }
    return r;
  }

  /**
   * Sample variance of each target of {@link #collaborationScaleTargets} over the complete cases;
   * requires at least 2 complete cases.
   */
  public double[] collaborationItemVariances(Population p, String department) {
    Cells c = cells(department);
    long n = c.collabCompleteN[p.ordinal()];
    if (n < 2) {
      throw new IllegalStateException("variances need at least 2 complete cases, got " + n);
    }
    int[] targets = collaborationScaleTargets(department);
    double[] r = new double[targets.length];
    int sb = p.ordinal() * collabCount;
    for (int i = 0; i < targets.length; i++) {
      long s = c.collabCompleteSums[sb + targets[i]];
      long q = c.collabCompleteSquares[sb + targets[i]];
      r[i] = Math.max(0, ExactSums.covariance(n, q, s, s));
    }
    return r;
  }

  /** Scale-score distribution of a population in a department. */
  public ScaleScoreDistribution scores(Population p, String department, int scale) {
    int cell = p.ordinal() * scaleItems.length + scale;
    return new ScaleScoreDistribution(
        layout.scale(), scaleItems[scale].length, cells(department).scoreTables[cell].clone());
  }

  /** Scale-score distribution of a population over all departments. */
  public ScaleScoreDistribution scores(Population p, int scale) {
    ScaleScoreDistribution r =
        new ScaleScoreDistribution(
            layout.scale(),
            scaleItems[scale].length,
            new long[ScaleScoreDistribution.tableSize(layout.scale(), scaleItems[scale].length)]);
    for (String d : departmentNames) {
      r = r.merge(scores(p, d, scale));
    }
    return r;
  }

  /** Complete cases of a scale for a population in a department. */
  public CompleteCases completeCases(Population p, String department, int scale) {
    int cell = p.ordinal() * scaleItems.length + scale;
    Cells c = cells(department);
    int j = scaleItems[scale].length;
    long n = c.completeN[cell];
    long[] os = c.completeSums[cell];
    long[] oq = c.completeSquares[cell];
    // back from offsets o = x − min: Σx = Σo + n·min, Σx² = Σo² + 2·min·Σo + n·min²
    long[] sums = new long[j];
    long[] squares = new long[j];
    for (int a = 0; a < j; a++) {
      sums[a] = os[a] + n * min;
      squares[a] = oq[a] + 2L * min * os[a] + n * min * min;
    }
    // the sum score of a complete case is its row of the score table (j answers): T = t + j·min
    long[] table = c.scoreTables[cell];
    int from = (j - 1) * tableWidth[scale];
    long ts = 0;
    long tq = 0;
    for (int t = 0; t < tableWidth[scale]; t++) {
      long count = table[from + t];
      ts += count * t;
      tq += count * t * t;
    }
    long shift = (long) j * min;
    long scoreSum = ts + n * shift;
    long scoreSquares = tq + 2 * shift * ts + n * shift * shift;
    return new CompleteCases(j, n, sums, squares, scoreSum, scoreSquares);
  }

  /** Complete cases of a scale for a population over all departments. */
  public CompleteCases completeCases(Population p, int scale) {
    CompleteCases r = CompleteCases.none(scaleItems[scale].length);
    for (String d : departmentNames) {
      r = r.merge(completeCases(p, d, scale));
    }
    return r;
  }

  private static void addInto(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}

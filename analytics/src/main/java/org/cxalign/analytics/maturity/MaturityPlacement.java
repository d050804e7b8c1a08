package org.cxalign.analytics.maturity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.cxalign.analytics.instrument.Dimension;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.TQuantiles;

/**
 * Places a group of employees (a department or the organisation) on each maturity model of an
 * {@link Instrument}, from the {@link Moments} of each item's answers in that group.
 *
 * <h2>Block score</h2>
 *
 * A block is one dimension; its score is the mean of the item means x̄_j of its K answered employee
 * items, m = (1/K) Σ x̄_j. Only per-item summaries are available, not the covariances between
 * items, so the standard error uses the bound that holds for any correlation between the item means
 * (Cauchy–Schwarz; equality when they are perfectly correlated): SE(m) ≤ (1/K) Σ s_j/√n_j. The
 * one-sided bounds at confidence c are m ∓ t_{c, ν}·SE with ν = min n_j − 1, so they are
 * conservative (at least as wide as the exact ones). A block is {@code CONFIRMED} when its lower
 * bound is ≥ the agreement cut-off of the {@link PlacementRule}, {@code REJECTED} when its upper
 * bound is below it, otherwise {@code UNDECIDED}; without answers, or with an item answered fewer
 * than twice, it has no bounds ({@code NO_DATA}).
 *
 * <h2>Ladders (CX level, data level, pyramid)</h2>
 *
 * Levels are cumulative: a level counts only if every level below it counts. Each ladder has a
 * floor that needs no evidence, the state every organisation starts in: CX 1.0 (reactive), data
 * level 0 (no memory of the customer) and pyramid level 0 (below "communication"). The floor blocks
 * of the CX and data models are measured and reported but do not gate. The placed {@code level} is
 * the floor plus the number of consecutive levels above it whose blocks are {@code CONFIRMED}: with
 * 95% confidence per block, the group is at least there. {@code upperLevel} is the floor plus the
 * number of consecutive levels not {@code REJECTED} (the highest level the data cannot rule out; a
 * level without data is not ruled out), and {@code pointLevel} applies the rule to the block means.
 * A missing level in a custom instrument stops the placement there.
 *
 * <h2>Disciplines</h2>
 *
 * The profile is the block score of each discipline, in the instrument's order.
 *
 * <h2>IDIC quadrant</h2>
 *
 * Interaction and customisation capability are "high" when the block mean is ≥ the cut-off; the
 * {@code quadrant} uses the block means. The probability of each quadrant treats each block mean as
 * t-distributed about its estimate with the conservative SE above (the posterior under a flat
 * prior): P(high) = T_ν((m − cut-off)/SE), and the two capabilities as independent, P(quadrant) =
 * P(interaction side)·P(customisation side). With SE = 0 the probability is 1 or 0.
 *
 * <p>Only items asked of employees ({@code EMPLOYEE} or {@code BOTH}) are used; an item absent from
 * the map has no answers.
 */
public final class MaturityPlacement {

  private MaturityPlacement() {}

  /** Places one group with the default rule for the instrument's scale. */
  public static MaturityProfile place(Instrument instrument, Map<String, Moments> itemMoments) {
    return place(instrument, itemMoments, PlacementRule.defaultsFor(instrument.scale()));
  }

  /**
   * Places one group.
   *
   * @param itemMoments moments of each item's answers in the group, by item id
   */
  public static MaturityProfile place(
      Instrument instrument, Map<String, Moments> itemMoments, PlacementRule rule) {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(itemMoments, "itemMoments");
    Objects.requireNonNull(rule, "rule");
    List<BlockScore> disciplines = new ArrayList<>();
    for (Dimension d : instrument.dimensionsOf(Model.DISCIPLINE)) {
      disciplines.add(block(instrument, d, itemMoments, rule));
    }
    return new MaturityProfile(
        ladder(instrument, Model.CX_LEVEL, 1, itemMoments, rule),
        ladder(instrument, Model.DATA_LEVEL, 0, itemMoments, rule),
        disciplines,
        idic(instrument, itemMoments, rule),
        ladder(instrument, Model.PYRAMID, 0, itemMoments, rule));
  }

  /**
   * Places every department and the organisation, whose item moments are the merged moments of all
   * departments.
   *
   * @param byDepartment item moments by department, then by item id
   */
  public static Placements placeAll(
      Instrument instrument, Map<String, Map<String, Moments>> byDepartment, PlacementRule rule) {
    Map<String, MaturityProfile> departments = new LinkedHashMap<>();
    Map<String, Moments> organisation = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Moments>> e : byDepartment.entrySet()) {
      departments.put(e.getKey(), place(instrument, e.getValue(), rule));
      e.getValue().forEach((item, m) -> organisation.merge(item, m, Moments::merge));
    }
    return new Placements(departments, place(instrument, organisation, rule));
  }

  /** The profiles of every department and of the organisation. */
  public record Placements(Map<String, MaturityProfile> departments, MaturityProfile organisation) {
    /** Copies the map, keeping its order. */
    public Placements {
      departments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(departments));
    }
  }

  /** The level a ladder facet stands for. */
  private static int levelOf(Dimension d) {
    return d.model() == Model.PYRAMID ? d.facetIndex() + 1 : Integer.parseInt(d.facet());
  }

  private static LadderPlacement ladder(
      Instrument instrument,
      Model model,
      int floor,
      Map<String, Moments> itemMoments,
      PlacementRule rule) {
    List<Dimension> dims = new ArrayList<>(instrument.dimensionsOf(model));
    dims.sort((a, b) -> Integer.compare(levelOf(a), levelOf(b)));
    Map<Integer, BlockScore> byLevel = new LinkedHashMap<>();
    List<BlockScore> blocks = new ArrayList<>();
    for (Dimension d : dims) {
      BlockScore b = block(instrument, d, itemMoments, rule);
      blocks.add(b);
      byLevel.put(levelOf(d), b);
    }
    if (blocks.stream().noneMatch(b -> levelOfFacet(model, b) > floor)) {
      return new LadderPlacement(
          model,
          floor,
          null,
          null,
          null,
          blocks,
          "the instrument has no items for the levels of " + model.jsonName() + " above " + floor);
    }
    List<String> facets = model.facets();
    int top =
        model == Model.PYRAMID ? facets.size() : Integer.parseInt(facets.get(facets.size() - 1));
    int level = floor;
    boolean confirmedSoFar = true;
    int point = floor;
    boolean pointSoFar = true;
    int upper = floor;
    boolean notRejectedSoFar = true;
    for (int l = floor + 1; l <= top; l++) {
      BlockScore b = byLevel.get(l);
      if (b == null) {
        break;
      }
      confirmedSoFar &= b.status() == BlockScore.Status.CONFIRMED;
      if (confirmedSoFar) {
        level = l;
      }
      pointSoFar &= b.mean().isDefined() && b.mean().get() >= rule.agreementCutOff();
      if (pointSoFar) {
        point = l;
      }
      notRejectedSoFar &= b.status() != BlockScore.Status.REJECTED;
      if (notRejectedSoFar) {
        upper = l;
      }
    }
    return new LadderPlacement(model, floor, level, point, upper, blocks, null);
  }

  private static int levelOfFacet(Model model, BlockScore b) {
    return model == Model.PYRAMID
        ? model.facets().indexOf(b.facet()) + 1
        : Integer.parseInt(b.facet());
  }

  private static IdicPlacement idic(
      Instrument instrument, Map<String, Moments> itemMoments, PlacementRule rule) {
    BlockScore interaction = null;
    BlockScore customisation = null;
    for (Dimension d : instrument.dimensionsOf(Model.IDIC)) {
      BlockScore b = block(instrument, d, itemMoments, rule);
      if (d.facet().equals("interact")) {
        interaction = b;
      } else {
        customisation = b;
      }
    }
    if (interaction == null || customisation == null) {
      return new IdicPlacement(
          interaction,
          customisation,
          null,
          Map.of(),
          "the instrument lacks the interaction or the customisation capability scale");
    }
    if (!interaction.mean().isDefined() || !customisation.mean().isDefined()) {
      return new IdicPlacement(
          interaction, customisation, null, Map.of(), "no answers to a capability scale");
    }
    Quadrant q =
        Quadrant.of(
            interaction.mean().get() >= rule.agreementCutOff(),
            customisation.mean().get() >= rule.agreementCutOff());
    Double pi = probabilityHigh(instrument, interaction, itemMoments, rule);
    Double pc = probabilityHigh(instrument, customisation, itemMoments, rule);
    if (pi == null || pc == null) {
      return new IdicPlacement(interaction, customisation, q, Map.of(), null);
    }
    Map<Quadrant, Double> p = new EnumMap<>(Quadrant.class);
    for (Quadrant x : Quadrant.values()) {
      p.put(x, (x.highInteraction() ? pi : 1 - pi) * (x.highCustomisation() ? pc : 1 - pc));
    }
    return new IdicPlacement(interaction, customisation, q, p, null);
  }

  private static Double probabilityHigh(
      Instrument instrument, BlockScore b, Map<String, Moments> itemMoments, PlacementRule rule) {
    Spread s = spread(instrument, instrument.dimension(b.dimensionId()).orElseThrow(), itemMoments);
    if (s == null) {
      return null;
    }
    double z = b.mean().get() - rule.agreementCutOff();
    if (s.se == 0) {
      return z >= 0 ? 1.0 : 0.0;
    }
    return new TDistribution(null, s.df).cumulativeProbability(z / s.se);
  }

  private record Spread(double se, double df) {}

  private static List<Moments> answered(
      Instrument instrument, Dimension d, Map<String, Moments> itemMoments) {
    List<Moments> out = new ArrayList<>();
    for (Item it : instrument.itemsOf(d.id())) {
      if (!it.population().includes(Population.EMPLOYEE)) {
        continue;
      }
      Moments m = itemMoments.getOrDefault(it.id(), Moments.empty());
      if (m.n() >= 1) {
        out.add(m);
      }
    }
    return out;
  }

  /** The conservative SE and its df, or null when an answered item has fewer than 2 answers. */
  private static Spread spread(
      Instrument instrument, Dimension d, Map<String, Moments> itemMoments) {
    List<Moments> ms = answered(instrument, d, itemMoments);
    if (ms.isEmpty()) {
      return null;
    }
    double se = 0;
    long minN = Long.MAX_VALUE;
    for (Moments m : ms) {
      if (!m.hasVariance()) {
        return null;
      }
      se += Math.sqrt(m.variance() / m.n());
      minN = Math.min(minN, m.n());
    }
    return new Spread(se / ms.size(), minN - 1);
  }

  static BlockScore block(
      Instrument instrument, Dimension d, Map<String, Moments> itemMoments, PlacementRule rule) {
    List<Moments> ms = answered(instrument, d, itemMoments);
    if (ms.isEmpty()) {
      Estimate none = Estimate.undefined("no answers to the items of " + d.id());
      return new BlockScore(d.id(), d.facet(), 0, 0, none, none, none, BlockScore.Status.NO_DATA);
    }
    double sum = 0;
    long minN = Long.MAX_VALUE;
    for (Moments m : ms) {
      sum += m.mean();
      minN = Math.min(minN, m.n());
    }
    double mean = sum / ms.size();
    Spread s = spread(instrument, d, itemMoments);
    if (s == null) {
      Estimate none = Estimate.undefined("an item of " + d.id() + " has fewer than 2 answers");
      return new BlockScore(
          d.id(),
          d.facet(),
          ms.size(),
          minN,
          Estimate.of(mean),
          none,
          none,
          BlockScore.Status.NO_DATA);
    }
    double q =
        TQuantiles.quantile(
            s.df, rule.confidence(), TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    double lower = mean - q * s.se;
    double upper = mean + q * s.se;
    BlockScore.Status status =
        lower >= rule.agreementCutOff()
            ? BlockScore.Status.CONFIRMED
            : upper < rule.agreementCutOff()
                ? BlockScore.Status.REJECTED
                : BlockScore.Status.UNDECIDED;
    return new BlockScore(
        d.id(),
        d.facet(),
        ms.size(),
        minN,
        Estimate.of(mean),
        Estimate.of(lower),
        Estimate.of(upper),
        status);
  }
}

package org.cxalign.analytics.maturity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.analytics.instrument.Dimension;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
import org.cxalign.analytics.maturity.BlockScore.Status;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

class MaturityPlacementTest {

  private static final Instrument BUILT_IN = Instruments.builtIn();
  // qt(0.95, 19)
  private static final double Q95_19 = 1.7291328115213689;

  /** Every item of the dimension answered by n respondents with this mean and variance. */
  private static void set(Map<String, Moments> m, String dimension, double mean, double var) {
    for (Item it : BUILT_IN.itemsOf(dimension)) {
      m.put(it.id(), new Moments(20, mean, var));
    }
  }

  @Test
  void blockScoreUsesTheConservativeStandardError() {
    Map<String, Moments> m = new HashMap<>();
    m.put("cx.l3.1", new Moments(20, 3.8, 0.6));
    m.put("cx.l3.2", new Moments(20, 4.0, 0.8));
    m.put("cx.l3.3", new Moments(20, 4.2, 1.0));
    BlockScore b =
        MaturityPlacement.block(
            BUILT_IN,
            BUILT_IN.dimension("cx.l3").orElseThrow(),
            m,
            PlacementRule.defaultsFor(new Scale(1, 5)));
    double se = (Math.sqrt(0.6 / 20) + Math.sqrt(0.8 / 20) + Math.sqrt(1.0 / 20)) / 3;
    assertEquals(4.0, b.mean().get(), 1e-12);
    assertEquals(4.0 - Q95_19 * se, b.lower().get(), 1e-9);
    assertEquals(4.0 + Q95_19 * se, b.upper().get(), 1e-9);
    assertEquals(3, b.items());
    assertEquals(20, b.minN());
    assertEquals(Status.CONFIRMED, b.status());
  }

  @Test
  void cxLevelIsTheHighestConsecutivelyConfirmedLevel() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "cx.l1", 2.0, 0.8); // floor block: reported, does not gate
    set(m, "cx.l2", 4.3, 0.5); // confirmed
    set(m, "cx.l3", 4.0, 0.5); // confirmed
    set(m, "cx.l4", 3.7, 0.8); // undecided, mean above the cut-off
    set(m, "cx.l5", 4.4, 0.4); // confirmed, but above an undecided level
    set(m, "cx.l6", 2.5, 0.5); // rejected
    LadderPlacement cx = MaturityPlacement.place(BUILT_IN, m).cxLevel();
    assertEquals(1, cx.floor());
    assertEquals(3, cx.level());
    assertEquals(5, cx.pointLevel());
    assertEquals(5, cx.upperLevel());
    assertEquals(6, cx.blocks().size());
    assertEquals(Status.REJECTED, cx.blocks().get(0).status());
    assertEquals(Status.UNDECIDED, cx.blocks().get(3).status());
    assertNull(cx.undefinedReason());
  }

  @Test
  void cxLevelStaysAtTheFloorWithoutEvidence() {
    LadderPlacement cx = MaturityPlacement.place(BUILT_IN, Map.of()).cxLevel();
    assertEquals(1, cx.level());
    assertEquals(1, cx.pointLevel());
    assertEquals(6, cx.upperLevel()); // nothing ruled out
    assertEquals(Status.NO_DATA, cx.blocks().get(1).status());
  }

  @Test
  void dataLevelStartsAtZeroAndStopsAtTheFirstRejectedLevel() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "data.l0", 4.5, 0.3);
    set(m, "data.l1", 4.2, 0.4);
    set(m, "data.l2", 2.4, 0.6);
    set(m, "data.l3", 4.2, 0.4);
    LadderPlacement data = MaturityPlacement.place(BUILT_IN, m).dataLevel();
    assertEquals(0, data.floor());
    assertEquals(1, data.level());
    assertEquals(1, data.pointLevel());
    assertEquals(1, data.upperLevel());
  }

  @Test
  void pyramidLevelCountsFromCommunication() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "pyramid.communication", 4.5, 0.3);
    set(m, "pyramid.responsive", 4.1, 0.4);
    set(m, "pyramid.commitment", 4.0, 0.4);
    set(m, "pyramid.proactive", 3.0, 0.4);
    set(m, "pyramid.evolution", 2.0, 0.4);
    LadderPlacement p = MaturityPlacement.place(BUILT_IN, m).pyramid();
    assertEquals(3, p.level());
    assertEquals(3, p.upperLevel());
    Map<String, Moments> none = new HashMap<>();
    set(none, "pyramid.communication", 2.0, 0.3);
    set(none, "pyramid.responsive", 4.5, 0.3);
    assertEquals(0, MaturityPlacement.place(BUILT_IN, none).pyramid().level());
  }

  @Test
  void idicQuadrantWithProbabilities() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "idic.interact", 3.9, 0.8);
    set(m, "idic.customise", 3.2, 0.8);
    IdicPlacement idic = MaturityPlacement.place(BUILT_IN, m).idic();
    assertEquals(Quadrant.TARGETED, idic.quadrant());
    // pt((3.9 - 3.5) / sqrt(0.8 / 20), 19); pt((3.2 - 3.5) / sqrt(0.8 / 20), 19)
    double pi = 0.96999898180695077;
    double pc = 0.075024265371135879;
    assertEquals(pi * (1 - pc), idic.probabilities().get(Quadrant.TARGETED), 1e-9);
    assertEquals(pi * pc, idic.probabilities().get(Quadrant.ONE_TO_ONE), 1e-9);
    assertEquals((1 - pi) * pc, idic.probabilities().get(Quadrant.NICHE), 1e-9);
    assertEquals((1 - pi) * (1 - pc), idic.probabilities().get(Quadrant.MASS), 1e-9);
    assertEquals(
        1.0, idic.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
  }

  @Test
  void idicWithoutVarianceIsCertainAndWithoutAnswersUndefined() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "idic.interact", 4.0, 0.0);
    set(m, "idic.customise", 2.0, 0.0);
    IdicPlacement idic = MaturityPlacement.place(BUILT_IN, m).idic();
    assertEquals(1.0, idic.probabilities().get(Quadrant.TARGETED), 0);
    IdicPlacement none = MaturityPlacement.place(BUILT_IN, Map.of()).idic();
    assertNull(none.quadrant());
    assertNotNull(none.undefinedReason());
    assertEquals(Map.of(), none.probabilities());
  }

  @Test
  void disciplineProfileInInstrumentOrder() {
    Map<String, Moments> m = new HashMap<>();
    set(m, "disc.strategy", 4.2, 0.5);
    set(m, "disc.culture", 2.5, 0.5);
    m.put("disc.design.1", new Moments(1, 4.0, Double.NaN));
    List<BlockScore> profile = MaturityPlacement.place(BUILT_IN, m).disciplines();
    assertEquals(Model.DISCIPLINE.facets(), profile.stream().map(BlockScore::facet).toList());
    assertEquals(Status.CONFIRMED, profile.get(0).status());
    assertEquals(Status.NO_DATA, profile.get(1).status());
    assertFalse(profile.get(1).mean().isDefined());
    assertEquals(Status.NO_DATA, profile.get(2).status()); // an item answered once
    assertEquals(4.0, profile.get(2).mean().get(), 0);
    assertFalse(profile.get(2).lower().isDefined());
    assertEquals(Status.REJECTED, profile.get(5).status());
  }

  @Test
  void organisationMergesTheDepartments() {
    Map<String, Moments> a = new HashMap<>();
    Map<String, Moments> b = new HashMap<>();
    set(a, "cx.l2", 4.6, 0.3);
    set(b, "cx.l2", 3.0, 0.3);
    Map<String, Map<String, Moments>> byDept = new LinkedHashMap<>();
    byDept.put("Sales", a);
    byDept.put("Support", b);
    MaturityPlacement.Placements p =
        MaturityPlacement.placeAll(BUILT_IN, byDept, PlacementRule.defaultsFor(new Scale(1, 5)));
    assertEquals(List.of("Sales", "Support"), List.copyOf(p.departments().keySet()));
    assertEquals(2, p.departments().get("Sales").cxLevel().level());
    assertEquals(1, p.departments().get("Support").cxLevel().level());
    BlockScore org = p.organisation().cxLevel().blocks().get(1);
    assertEquals(3.8, org.mean().get(), 1e-12);
    assertEquals(40, org.minN());
  }

  @Test
  void anInstrumentWithoutAModelLeavesItUndefined() {
    Scale s = new Scale(1, 5);
    Instrument small =
        new Instrument(
            "small",
            1,
            "Small",
            s,
            List.of(
                new Item(
                    "p.1", "We inform.", "p", Model.PYRAMID, Population.EMPLOYEE, s, null, false)),
            List.of(new Dimension("p", "Communication", Model.PYRAMID, "communication")));
    MaturityProfile profile =
        MaturityPlacement.place(small, Map.of("p.1", new Moments(20, 4.5, 0.2)));
    assertFalse(profile.cxLevel().isDefined());
    assertNotNull(profile.cxLevel().undefinedReason());
    assertEquals(1, profile.pyramid().level());
    assertEquals(List.of(), profile.disciplines());
    assertNull(profile.idic().quadrant());
  }

  @Test
  void ruleValidatesItsSettings() {
    assertEquals(3.5, PlacementRule.defaultsFor(new Scale(1, 5)).agreementCutOff(), 0);
    assertEquals(4.75, PlacementRule.defaultsFor(new Scale(1, 7)).agreementCutOff(), 0);
    assertThrows(IllegalArgumentException.class, () -> new PlacementRule(3.5, 0.4));
    assertThrows(IllegalArgumentException.class, () -> new PlacementRule(Double.NaN, 0.95));
  }
}

package org.cxalign.analytics.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

class InstrumentsTest {

  private final Instrument builtIn = Instruments.builtIn();

  @Test
  void builtInLoadsWithStableIdentity() {
    assertEquals("cx-maturity-alignment", builtIn.id());
    assertEquals(1, builtIn.version());
    assertEquals("CX maturity and alignment", builtIn.title());
    assertEquals(new Scale(1, 5), builtIn.scale());
    assertTrue(builtIn.item("cx.l5.1").isPresent());
    assertTrue(builtIn.item("disc.culture.2").isPresent());
    assertTrue(builtIn.item("gap.seamless.customer").isPresent());
  }

  @Test
  void everyModelIsCovered() {
    Set<Model> covered =
        builtIn.items().stream().map(Item::model).collect(Collectors.toCollection(HashSet::new));
    assertEquals(Set.of(Model.values()), covered);
  }

  @Test
  void everyFacetOfEveryLeveledModelHasItems() {
    for (Model m : List.of(Model.CX_LEVEL, Model.DATA_LEVEL, Model.IDIC, Model.PYRAMID)) {
      List<String> facets = builtIn.dimensionsOf(m).stream().map(Dimension::facet).toList();
      assertEquals(m.facets(), facets, m.name());
      for (Dimension d : builtIn.dimensionsOf(m)) {
        assertFalse(builtIn.itemsOf(d.id()).isEmpty(), d.id());
      }
    }
    List<Dimension> disciplines = builtIn.dimensionsOf(Model.DISCIPLINE);
    assertEquals(Model.DISCIPLINE.facets(), disciplines.stream().map(Dimension::facet).toList());
    for (Dimension d : disciplines) {
      int n = builtIn.itemsOf(d.id()).size();
      assertTrue(n >= 2 && n <= 4, d.id() + " has " + n + " items");
    }
  }

  @Test
  void fiveMatchedPairsIncludingSeamless() {
    List<Instrument.MatchedPair> pairs = builtIn.matchedPairs();
    assertEquals(5, pairs.size());
    Set<String> facets =
        pairs.stream()
            .map(p -> builtIn.dimensionOf(p.employee()).facet())
            .collect(Collectors.toSet());
    assertEquals(Set.of("easy", "cares", "understands", "value", "seamless"), facets);
    Instrument.MatchedPair seamless = builtIn.matchedPair(Model.SEAMLESS).orElseThrow();
    assertEquals("gap.seamless.employee", seamless.employee().id());
    assertEquals("gap.seamless.customer", seamless.customer().id());
    assertEquals(Population.CUSTOMER, seamless.customer().population());
  }

  @Test
  void collaborationItemsAreGeneratedPerDepartment() {
    List<Item> items = builtIn.collaborationItems(List.of("Sales", "Customer Service"));
    assertEquals(
        List.of("collab.Sales", "collab.Customer Service"), items.stream().map(Item::id).toList());
    assertEquals(
        "How well does your department work with Customer Service on customer matters?",
        items.get(1).text());
    assertEquals(Model.COLLABORATION, items.get(0).model());
    assertEquals("Sales", builtIn.collaborationTarget("collab.Sales").orElseThrow());
    assertTrue(builtIn.collaborationTarget("cx.l5.1").isEmpty());
    assertTrue(builtIn.collaborationTarget("collab.").isEmpty());
  }

  @Test
  void writeThenReadGivesTheSameInstrument() {
    assertEquals(builtIn, InstrumentJson.read(InstrumentJson.write(builtIn)));
  }
}

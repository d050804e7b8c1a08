package org.cxalign.analytics.instrument;

import java.util.Objects;

/**
 * A group of items that forms one scale, measuring one facet of one {@link Model} (for example
 * {@code cx.l5} = CX level 5, {@code disc.culture} = the culture discipline).
 *
 * @param id stable identifier, see {@link Item#ID_PATTERN}
 * @param title a short human-readable name
 * @param model the model measured
 * @param facet the level or part of the model, see {@link Model#facets()}; null where the model
 *     takes none
 */
public record Dimension(String id, String title, Model model, String facet) {

  /** Validates the components. */
  public Dimension {
    Item.requireId(id, "dimension");
    String where = "dimension '" + id + "'";
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException(where + ": field 'title' must not be blank");
    }
    Objects.requireNonNull(model, () -> where + ": field 'model' is required");
    model.requireFacet(facet, where);
  }

  /** The position of the facet in the model's ordered facets (the level for ordered models). */
  public int facetIndex() {
    return model.facets() == null ? -1 : model.facets().indexOf(facet);
  }
}

package org.cxalign.analytics.instrument;

import java.util.List;
import java.util.Locale;

/**
 * The maturity models the instrument measures. A {@link Dimension} belongs to one model and, where
 * the model has levels or parts, names one of them as its <em>facet</em>.
 */
public enum Model {
  /** CX 1.0–6.0: facet {@code "1"} … {@code "6"} (reactive … co-create). */
  CX_LEVEL(List.of("1", "2", "3", "4", "5", "6")),
  /** The four data levels: facet {@code "0"} … {@code "3"} (no memory … real-time 360°). */
  DATA_LEVEL(List.of("0", "1", "2", "3")),
  /** The six CX disciplines. */
  DISCIPLINE(
      List.of(
          "strategy", "customer_understanding", "design", "measurement", "governance", "culture")),
  /**
   * The IDIC interact × customise capability matrix: facet {@code interact} or {@code customise}.
   */
  IDIC(List.of("interact", "customise")),
  /** The five-level CX pyramid, bottom to top. */
  PYRAMID(List.of("communication", "responsive", "commitment", "proactive", "evolution")),
  /**
   * Matched employee/customer items; the facet names the matched concept (any non-blank word;
   * {@value #SEAMLESS} is the one the level-5 verdict uses).
   */
  PERCEPTION_GAP(null),
  /** Cross-department collaboration ratings, generated per department; no facet. */
  COLLABORATION(List.of());

  /** The perception-gap facet of "seamless across departments". */
  public static final String SEAMLESS = "seamless";

  private final List<String> facets;

  Model(List<String> facets) {
    this.facets = facets;
  }

  /**
   * The allowed facets in order (levels bottom to top); empty when the model takes no facet; null
   * when any non-blank facet is allowed ({@link #PERCEPTION_GAP}).
   */
  public List<String> facets() {
    return facets;
  }

  /**
   * Checks that {@code facet} is allowed for this model.
   *
   * @throws IllegalArgumentException naming {@code where} otherwise
   */
  public void requireFacet(String facet, String where) {
    if (facets == null) {
      if (facet == null || facet.isBlank()) {
        throw new IllegalArgumentException(where + ": model " + jsonName() + " needs a facet");
      }
    } else if (facets.isEmpty()) {
      if (facet != null) {
        throw new IllegalArgumentException(
            where + ": model " + jsonName() + " takes no facet, got '" + facet + "'");
      }
    } else if (facet == null || !facets.contains(facet)) {
      throw new IllegalArgumentException(
          where + ": facet '" + facet + "' is not one of " + facets + " of model " + jsonName());
    }
  }

  /** Parses the JSON name ({@code cx_level}, …), ignoring case. */
  public static Model parse(String s) {
    for (Model m : values()) {
      if (m.name().equalsIgnoreCase(s.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown model '" + s + "' (expected one of " + List.of(values()) + ", any case)");
  }

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

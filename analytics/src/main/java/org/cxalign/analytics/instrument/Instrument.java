package org.cxalign.analytics.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cxalign.analytics.stat.Scale;

/**
 * A versioned survey instrument: its dimensions (each measuring one facet of one {@link Model}) and
 * its items. Immutable and validated on construction.
 *
 * <p>Rules checked (each violation is an {@link IllegalArgumentException} naming the item or
 * dimension and the field):
 *
 * <ul>
 *   <li>ids are valid ({@link Item#ID_PATTERN}) and unique among items and among dimensions;
 *   <li>every item's dimension exists and the item's model equals the dimension's model;
 *   <li>a matched item exists, points back, and the two are asked of {@code EMPLOYEE} and {@code
 *       CUSTOMER} respectively, on the same scale;
 *   <li>there is at most one {@link Model#COLLABORATION} item, the <em>collaboration template</em>:
 *       asked of employees, its text contains {@value #DEPARTMENT_PLACEHOLDER}, its id contains no
 *       dot, and no other item id starts with {@code <template id>.} (the ids it generates).
 * </ul>
 *
 * <p>The collaboration block is generated per department: for departments {@code Sales} and {@code
 * Support} the template {@code collab} yields {@code collab.Sales} and {@code collab.Support}
 * ({@link #collaborationItems(List)}), the column names of the CSV format.
 *
 * @param id stable identifier of the instrument (across versions)
 * @param version version number ≥ 1
 * @param title human-readable title
 * @param scale the default answer scale of the items
 * @param items the items, in presentation order
 * @param dimensions the dimensions, in presentation order
 */
public record Instrument(
    String id,
    int version,
    String title,
    Scale scale,
    List<Item> items,
    List<Dimension> dimensions) {

  /** The placeholder for the rated department in the collaboration template's text. */
  public static final String DEPARTMENT_PLACEHOLDER = "{department}";

  /** Validates the instrument as a whole and copies the lists. */
  public Instrument {
    Item.requireId(id, "instrument");
    if (version < 1) {
      throw new IllegalArgumentException("instrument '" + id + "': version must be >= 1");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException(
          "instrument '" + id + "': field 'title' must not be blank");
    }
    Objects.requireNonNull(scale, "instrument '" + id + "': field 'scale' is required");
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
    validate(items, dimensions);
  }

  private static void validate(List<Item> items, List<Dimension> dimensions) {
    Map<String, Dimension> dims = new HashMap<>();
    for (Dimension d : dimensions) {
      if (dims.put(d.id(), d) != null) {
        throw new IllegalArgumentException("dimension '" + d.id() + "': duplicate id");
      }
    }
    Map<String, Item> byId = new HashMap<>();
    Item template = null;
    for (Item it : items) {
      String where = "item '" + it.id() + "'";
      if (byId.put(it.id(), it) != null) {
        throw new IllegalArgumentException(where + ": duplicate id");
      }
      Dimension d = dims.get(it.dimension());
      if (d == null) {
        throw new IllegalArgumentException(
            where + ": field 'dimension' names unknown dimension '" + it.dimension() + "'");
      }
      if (d.model() != it.model()) {
        throw new IllegalArgumentException(
            where
                + ": field 'model' is "
                + it.model().jsonName()
                + " but dimension '"
                + d.id()
                + "' measures "
                + d.model().jsonName());
      }
      if (it.model() == Model.COLLABORATION) {
        if (template != null) {
          throw new IllegalArgumentException(
              where
                  + ": only one collaboration item (the template) is allowed, '"
                  + template.id()
                  + "' is one already");
        }
        template = it;
        if (it.id().contains(".")) {
          throw new IllegalArgumentException(
              where + ": the collaboration template's id must not contain '.'");
        }
        if (!it.text().contains(DEPARTMENT_PLACEHOLDER)) {
          throw new IllegalArgumentException(
              where + ": field 'text' must contain " + DEPARTMENT_PLACEHOLDER);
        }
        if (it.population() != Population.EMPLOYEE) {
          throw new IllegalArgumentException(
              where + ": field 'population' must be employee for the collaboration template");
        }
      }
    }
    for (Item it : items) {
      String where = "item '" + it.id() + "'";
      if (template != null && it != template && it.id().startsWith(template.id() + ".")) {
        throw new IllegalArgumentException(
            where
                + ": id collides with the collaboration items generated from '"
                + template.id()
                + "'");
      }
      if (it.matchedItemId() == null) {
        continue;
      }
      Item other = byId.get(it.matchedItemId());
      if (other == null) {
        throw new IllegalArgumentException(
            where + ": field 'matched_item' names missing item '" + it.matchedItemId() + "'");
      }
      if (!it.id().equals(other.matchedItemId())) {
        throw new IllegalArgumentException(
            where
                + ": matched item '"
                + other.id()
                + "' must name '"
                + it.id()
                + "' as its match, it names '"
                + other.matchedItemId()
                + "'");
      }
      boolean complementary =
          (it.population() == Population.EMPLOYEE && other.population() == Population.CUSTOMER)
              || (it.population() == Population.CUSTOMER
                  && other.population() == Population.EMPLOYEE);
      if (!complementary) {
        throw new IllegalArgumentException(
            where
                + ": a matched pair needs one employee and one customer item, got "
                + it.population().jsonName()
                + " and "
                + other.population().jsonName());
      }
      if (!it.scale().equals(other.scale())) {
        throw new IllegalArgumentException(
            where + ": matched item '" + other.id() + "' has a different scale");
      }
    }
  }

  /** The item with this id, if any (generated collaboration items are not included). */
  public Optional<Item> item(String itemId) {
    return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
  }

  /** The dimension with this id, if any. */
  public Optional<Dimension> dimension(String dimensionId) {
    return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
  }

  /** The dimension of an item of this instrument. */
  public Dimension dimensionOf(Item item) {
    return dimension(item.dimension()).orElseThrow();
  }

  /** The dimensions of a model, in order. */
  public List<Dimension> dimensionsOf(Model model) {
    return dimensions.stream().filter(d -> d.model() == model).toList();
  }

  /** The items of a dimension, in order. */
  public List<Item> itemsOf(String dimensionId) {
    return items.stream().filter(i -> i.dimension().equals(dimensionId)).toList();
  }

  /** The items of a model, in order. */
  public List<Item> itemsOf(Model model) {
    return items.stream().filter(i -> i.model() == model).toList();
  }

  /** The collaboration template, if the instrument has a collaboration block. */
  public Optional<Item> collaborationTemplate() {
    return items.stream().filter(i -> i.model() == Model.COLLABORATION).findFirst();
  }

  /**
   * The collaboration items for these departments, {@code <template id>.<Department>}, with the
   * department name in the text. A respondent skips the item of their own department.
   *
   * @throws IllegalStateException when the instrument has no collaboration block
   * @throws IllegalArgumentException on a blank, duplicate or CSV-unsafe department name
   */
  public List<Item> collaborationItems(List<String> departments) {
    Item t =
        collaborationTemplate()
            .orElseThrow(
                () -> new IllegalStateException("instrument '" + id + "' has no collaboration"));
    List<Item> out = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (String dept : departments) {
      requireDepartmentName(dept);
      if (seen.put(dept, Boolean.TRUE) != null) {
        throw new IllegalArgumentException("department '" + dept + "' is listed twice");
      }
      out.add(
          new Item(
              collaborationItemId(dept),
              t.text().replace(DEPARTMENT_PLACEHOLDER, dept),
              t.dimension(),
              t.model(),
              t.population(),
              t.scale(),
              null,
              t.required()));
    }
    return Collections.unmodifiableList(out);
  }

  /** The id of the collaboration item rating {@code department}, e.g. {@code collab.Sales}. */
  public String collaborationItemId(String department) {
    Item t =
        collaborationTemplate()
            .orElseThrow(
                () -> new IllegalStateException("instrument '" + id + "' has no collaboration"));
    requireDepartmentName(department);
    return t.id() + "." + department;
  }

  /**
   * The department rated by a collaboration column such as {@code collab.Sales}, or empty when the
   * column is not a collaboration item of this instrument.
   */
  public Optional<String> collaborationTarget(String column) {
    return collaborationTemplate()
        .map(t -> t.id() + ".")
        .filter(prefix -> column.startsWith(prefix) && column.length() > prefix.length())
        .map(prefix -> column.substring(prefix.length()));
  }

  /**
   * The matched pair of a perception-gap facet (e.g. {@link Model#SEAMLESS}) as {@code [employee
   * item, customer item]}, if the instrument has one.
   */
  public Optional<MatchedPair> matchedPair(String gapFacet) {
    for (Item it : items) {
      if (it.model() == Model.PERCEPTION_GAP
          && it.population() == Population.EMPLOYEE
          && it.matchedItemId() != null
          && gapFacet.equals(dimensionOf(it).facet())) {
        return Optional.of(new MatchedPair(it, item(it.matchedItemId()).orElseThrow()));
      }
    }
    return Optional.empty();
  }

  /** All matched employee/customer pairs, in the order of the employee items. */
  public List<MatchedPair> matchedPairs() {
    return items.stream()
        .filter(i -> i.population() == Population.EMPLOYEE && i.matchedItemId() != null)
        .map(i -> new MatchedPair(i, item(i.matchedItemId()).orElseThrow()))
        .toList();
  }

  /** An employee item and the customer item matched with it. */
  public record MatchedPair(Item employee, Item customer) {}

  static void requireDepartmentName(String dept) {
    if (dept == null || dept.isBlank() || !dept.strip().equals(dept)) {
      throw new IllegalArgumentException(
          "department name '" + dept + "' must be non-blank without surrounding spaces");
    }
    for (int i = 0; i < dept.length(); i++) {
      char c = dept.charAt(i);
      if (c == ',' || c == '"' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "department name '" + dept + "' must not contain commas, quotes or control characters");
      }
    }
  }
}

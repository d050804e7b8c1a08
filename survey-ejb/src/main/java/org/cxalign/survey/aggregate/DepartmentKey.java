package org.cxalign.survey.aggregate;

import java.util.Objects;

/**
 * A department of a campaign's aggregate: the key the accumulator uses for it (its id as a decimal
 * string, also its collaboration target), the id, and its current name.
 *
 * @param key the accumulator's department key, {@code String.valueOf(id)}
 * @param id the department's id
 * @param name the department's current name
 */
public record DepartmentKey(String key, long id, String name) {

  public DepartmentKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
  }

  /** The accumulator key of a department id. */
  public static String keyOf(long departmentId) {
    return Long.toString(departmentId);
  }
}

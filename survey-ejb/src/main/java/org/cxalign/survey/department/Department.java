package org.cxalign.survey.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** A department of the organisation. Its name is unique, ignoring case and surrounding blanks. */
@Entity
@Table(name = "department")
@NamedQuery(name = "Department.all", query = "SELECT d FROM Department d ORDER BY d.name")
@NamedQuery(name = "Department.byKey", query = "SELECT d FROM Department d WHERE d.nameKey = :key")
public class Department {

  /** Longest name accepted; matches the column width. */
  public static final int MAX_NAME_LENGTH = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "name_key", nullable = false, length = MAX_NAME_LENGTH)
  private String nameKey;

  private Integer headcount;

  @Column(name = "created_on", nullable = false)
  private LocalDate createdOn;

  @Version private int version;

  protected Department() {}

  public Department(String name, Integer headcount, LocalDate createdOn) {
    this.name = normalise(name);
    this.nameKey = keyOf(this.name);
    if (headcount != null && headcount < 0) {
      throw new IllegalArgumentException("headcount must not be negative");
    }
    this.headcount = headcount;
    this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
  }

  /** Trims and collapses inner white space; rejects blank or over-long names. */
  static String normalise(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    String cleaned = name.strip().replaceAll("\\s+", " ");
    if (cleaned.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    return cleaned;
  }

  /** The uniqueness key of a name: normalised and lower-cased. */
  public static String keyOf(String name) {
    return normalise(name).toLowerCase(Locale.ROOT);
  }

  /**
   * Renames the department and sets (or clears) its headcount.
   *
   * @throws IllegalArgumentException if the name is blank or too long, or the headcount negative
   */
  public void change(String newName, Integer newHeadcount) {
    if (newHeadcount != null && newHeadcount < 0) {
      throw new IllegalArgumentException("headcount must not be negative");
    }
    this.name = normalise(newName);
    this.nameKey = keyOf(this.name);
    this.headcount = newHeadcount;
  }

  /**
   * Sets the headcount (for example from a directory's member count).
   *
   * @return whether the headcount changed
   * @throws IllegalArgumentException if the headcount is negative
   */
  public boolean updateHeadcount(int newHeadcount) {
    if (newHeadcount < 0) {
      throw new IllegalArgumentException("headcount must not be negative");
    }
    if (headcount != null && headcount == newHeadcount) {
      return false;
    }
    headcount = newHeadcount;
    return true;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Integer getHeadcount() {
    return headcount;
  }

  public LocalDate getCreatedOn() {
    return createdOn;
  }
}

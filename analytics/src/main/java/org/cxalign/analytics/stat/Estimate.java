package org.cxalign.analytics.stat;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * A scalar result that is either a finite value or undefined with a reason.
 *
 * <p>Exactly one of {@code value} and {@code undefinedReason} is non-null. A defined value is
 * always finite: an undefined statistic is never reported as 0 or NaN.
 *
 * @param value the value, or {@code null} when undefined
 * @param undefinedReason why the value is undefined, or {@code null} when defined
 */
public record Estimate(Double value, String undefinedReason) {

  /** Validates that exactly one component is present and that a value is finite. */
  public Estimate {
    if ((value == null) == (undefinedReason == null)) {
      throw new IllegalArgumentException(
          "exactly one of value and undefinedReason must be given, got value="
              + value
              + ", undefinedReason="
              + undefinedReason);
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("an estimate must be finite, got " + value);
    }
    if (undefinedReason != null && undefinedReason.isBlank()) {
      throw new IllegalArgumentException("the reason for an undefined estimate must not be blank");
    }
  }

  /**
   * A defined estimate.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static Estimate of(double value) {
    return new Estimate(value, null);
  }

  /** An undefined estimate with the reason, for example {@code "fewer than 2 answers"}. */
  public static Estimate undefined(String reason) {
    return new Estimate(null, Objects.requireNonNull(reason, "reason"));
  }

  /** Whether the estimate has a value. */
  public boolean isDefined() {
    return value != null;
  }

  /**
   * The value of a defined estimate.
   *
   * @throws IllegalStateException with the reason if the estimate is undefined
   */
  public double get() {
    if (value == null) {
      throw new IllegalStateException("undefined estimate: " + undefinedReason);
    }
    return value;
  }

  /** The value, or {@code other} when undefined. */
  public double orElse(double other) {
    return value == null ? other : value;
  }

  /** The value as an {@link OptionalDouble}, empty when undefined. */
  public OptionalDouble asOptional() {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * Applies {@code f} to a defined value; an undefined estimate stays undefined with the same
   * reason.
   */
  public Estimate map(DoubleUnaryOperator f) {
    return value == null ? this : of(f.applyAsDouble(value));
  }

  @Override
  public String toString() {
    return value == null ? "undefined (" + undefinedReason + ")" : Double.toString(value);
  }
}

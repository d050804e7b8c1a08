/**
 * Mergeable accumulators: the sufficient statistics of a report, kept per population, department,
 * item and scale in primitive arrays, so that a report costs the same at a thousand or a million
 * responses. {@link org.cxalign.analytics.accumulate.AlignmentAccumulator} adds one response at a
 * time (no boxing, no allocation) and merges with another accumulator of the same layout; the
 * report is then built from the counts alone.
 */
package org.cxalign.analytics.accumulate;

/**
 * Agreement, reliability and group-comparison statistics of CX Align.
 *
 * <p>Each statistic is an immutable class named after the statistic ({@link
 * org.cxalign.analytics.stat.RwgJ}, {@link org.cxalign.analytics.stat.KrippendorffAlpha}, ...) with
 * static factories that return immutable result records. Definitions follow the primary reference
 * named in each class and agree with the named R function (R 4.2.2, psych 2.2.9, multilevel 2.7);
 * the unit tests hold the R calls that produced the reference values.
 *
 * <p>Conventions shared by all classes:
 *
 * <ul>
 *   <li>A statistic that is undefined for the data (a group of one, no variance where one is
 *       needed, nothing observed) is an {@link org.cxalign.analytics.stat.Estimate} without a value
 *       and with the reason; it is never reported as 0 or NaN.
 *   <li>Bad input (a value off the {@link org.cxalign.analytics.stat.Scale}, negative counts,
 *       arrays of mismatched length, NaN where no missing value is allowed) raises an {@link
 *       java.lang.IllegalArgumentException} whose message names the offending value.
 *   <li>Where the dashboards keep running totals, a factory from sufficient statistics (sums, sums
 *       of squares, option counts) gives the same result as the factory from raw data.
 * </ul>
 *
 * <p>Distributions come from Apache Commons Math 3.
 */
package org.cxalign.analytics.stat;

/**
 * The alignment report: an immutable model ({@link org.cxalign.analytics.report.AlignmentReport})
 * built from an {@link org.cxalign.analytics.accumulate.AlignmentAccumulator} by {@link
 * org.cxalign.analytics.report.ReportBuilder}, and rendered as JSON ({@link
 * org.cxalign.analytics.report.ReportJson}, snake_case keys, undefined figures as {@code null} with
 * a {@code <key>_reason}) or text ({@link org.cxalign.analytics.report.ReportText}).
 */
package org.cxalign.analytics.report;

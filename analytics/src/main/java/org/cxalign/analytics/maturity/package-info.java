/**
 * Placement of a department or the organisation on each maturity model of the instrument (CX level,
 * data level, discipline profile, IDIC quadrant, pyramid level), from per-item summaries, with the
 * uncertainty of each placement. See {@link org.cxalign.analytics.maturity.MaturityPlacement} for
 * the rule.
 */
package org.cxalign.analytics.maturity;

package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/**
 * Consensus across departments: departments are the judges (Kendall's W) or observers
 * (Krippendorff's α, interval level) of the items, the values their department means.
 *
 * @param judges departments used by Kendall's W (those with a mean on every item)
 * @param observers departments used by Krippendorff's α (missing means allowed)
 * @param objects items
 */
public record Consensus(
    Estimate kendallW,
    Estimate chiSquare,
    Estimate df,
    Estimate pValue,
    Estimate krippendorffAlphaInterval,
    int judges,
    int observers,
    int objects) {}

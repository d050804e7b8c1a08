package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/** One-way ANOVA of employees' scale scores on department, with ICC(1) and ICC(2). */
public record BetweenDepartments(
    Estimate icc1,
    Estimate icc2,
    Estimate f,
    double dfBetween,
    double dfWithin,
    Estimate pValue,
    Estimate etaSquared,
    int groups,
    long n) {}

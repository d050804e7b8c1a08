package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/**
 * Employees' against customers' scale scores: mean difference (employee − customer), Welch's t,
 * Cohen's d (pooled SD), Mann–Whitney p (normal approximation, tie and continuity correction).
 */
public record PerceptionGap(
    long employees,
    Estimate employeeMean,
    long customers,
    Estimate customerMean,
    Estimate meanDifference,
    Estimate welchT,
    Estimate welchDf,
    Estimate welchP,
    Estimate cohenD,
    Estimate mannWhitneyW,
    Estimate mannWhitneyP) {}

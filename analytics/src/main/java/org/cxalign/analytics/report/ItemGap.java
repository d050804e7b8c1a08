package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/**
 * The perception gap of one matched pair of an instrument: employees' answers to {@code
 * employeeItem} against customers' answers to {@code customerItem} (mean difference employee −
 * customer, Welch's t, Cohen's d, Mann–Whitney p).
 */
public record ItemGap(
    String facet,
    String employeeItem,
    String customerItem,
    long employees,
    long customers,
    Estimate meanDifference,
    Estimate welchT,
    Estimate welchDf,
    Estimate welchP,
    Estimate cohenD,
    Estimate mannWhitneyP) {}

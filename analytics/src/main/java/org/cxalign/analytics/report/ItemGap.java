package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Interval;

/**
 * The perception gap of one matched pair of an instrument: employees' answers to {@code
 * employeeItem} against customers' answers to {@code customerItem}: each group's mean with its 95%
 * t-interval ({@link org.cxalign.analytics.stat.MeanInterval}), the mean difference employee −
 * customer with Welch's 95% interval, Welch's t, Cohen's d, Mann–Whitney p.
 */
public record ItemGap(
    String facet,
    String employeeItem,
    String customerItem,
    long employees,
    long customers,
    Estimate employeeMean,
    Interval employeeInterval,
    Estimate customerMean,
    Interval customerInterval,
    Estimate meanDifference,
    Interval differenceInterval,
    Estimate welchT,
    Estimate welchDf,
    Estimate welchP,
    Estimate cohenD,
    Estimate mannWhitneyP) {}

package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/** One item in one department: answers given, mean, SD, r_wg and AD_M about the item mean. */
public record ItemStatistics(
    String item, long n, Estimate mean, Estimate sd, Estimate rwg, Estimate adM) {}

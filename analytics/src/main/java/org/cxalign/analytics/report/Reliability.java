package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/** Cronbach's α of the scale over employees' complete cases (all departments together). */
public record Reliability(Estimate cronbachAlpha, int items, long n) {}

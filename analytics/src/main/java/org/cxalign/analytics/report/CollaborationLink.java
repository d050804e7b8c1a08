package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;

/** Employees of {@code from} rating their work with {@code to}: n, mean and 95% t interval. */
public record CollaborationLink(
    String from, String to, long n, Estimate mean, Estimate lower95, Estimate upper95) {}

/**
 * The level-5 verdict: does the organisation "collaborate across the organisation to create
 * seamless customer experiences"? Four criteria, each tested with its statistic, interval,
 * threshold and sample size; see {@link org.cxalign.analytics.verdict.Level5Verdict}.
 */
package org.cxalign.analytics.verdict;

package org.cxalign.analytics.verdict;

/**
 * The sample size that would decide an inconclusive verdict, from a power calculation that takes
 * the observed estimates as the true values (see {@link Level5Verdict}).
 *
 * @param perDepartment respondents needed per department (complete cases for criterion 1), or null
 *     when the departments need no more
 * @param customers customer respondents needed, or null when customers need no more
 * @param basis which criteria and assumptions the figures come from
 * @param undefinedReason when no finite sample size decides it (an estimate equal to its
 *     threshold), why; else null
 */
public record RequiredSampleSize(
    Long perDepartment, Long customers, String basis, String undefinedReason) {}

package org.cxalign.survey.response;

import java.util.List;

/**
 * Progress and outcome of an import job.
 *
 * @param executionId the batch job execution
 * @param status the batch status (STARTING, STARTED, COMPLETED, FAILED, ...)
 * @param exitStatus COMPLETED, REJECTED (REJECT_ALL found problems) or the batch's own
 * @param checkedRows data lines read by the check pass so far
 * @param importedRows rows stored by the load pass so far
 * @param problems bad rows by line and column (first 1000)
 */
public record ImportStatus(
    long executionId,
    String status,
    String exitStatus,
    long checkedRows,
    long importedRows,
    List<ImportProblem> problems) {}

package org.cxalign.survey.aggregate;

/**
 * Progress of a rebuild.
 *
 * @param execution the job execution id
 * @param campaignId the campaign
 * @param state the batch status (STARTING, STARTED, COMPLETED, FAILED, ...)
 * @param read responses read so far
 * @param total responses to read, counted when the rebuild started
 * @param unplacedAnswers stored answers that matched no item or department of the layout
 * @param exitStatus the job's exit status, null while running
 */
public record RebuildStatus(
    long execution,
    long campaignId,
    String state,
    long read,
    long total,
    long unplacedAnswers,
    String exitStatus) {}

/**
 * Live alignment aggregates of a campaign: the analytics accumulator kept per campaign × department
 * × item as responses are stored (a durable outbox row in the response's transaction, drained in
 * order under a lock on the campaign's aggregate row), a rebuild from the raw responses (Jakarta
 * Batch job {@code aggregate-rebuild}), and {@link
 * org.cxalign.survey.aggregate.CampaignAggregates#current(long)}, the snapshot reports read.
 *
 * <p>Departments are keyed by their id as a decimal string (renames do not split counts); the empty
 * key stands for customers not attached to a department.
 */
package org.cxalign.survey.aggregate;

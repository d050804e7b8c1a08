/**
 * Campaign reports for a viewer, k-anonymous: the anonymised partition of respondents (departments
 * below k pooled, with secondary suppression), the viewer's scope (role, own department, the
 * campaign's transparency), the report sections as JSON, the anonymised response export and the
 * trend against the previous wave. The pure core ({@link
 * org.cxalign.survey.report.AnonymisedCampaign}, {@link org.cxalign.survey.report.Suppression},
 * {@link org.cxalign.survey.report.ReportViews}) needs no server; {@link
 * org.cxalign.survey.report.ReportService} feeds it from the database.
 */
package org.cxalign.survey.report;

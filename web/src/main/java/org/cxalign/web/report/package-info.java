/**
 * The report API of a campaign (viewer-scoped and k-anonymous, see {@code
 * org.cxalign.survey.report}) and the administrators' exports.
 */
package org.cxalign.web.report;

/**
 * Responses: validated whole against the instrument, stored in one transaction without identity and
 * with the day only; response rates.
 */
package org.cxalign.survey.response;

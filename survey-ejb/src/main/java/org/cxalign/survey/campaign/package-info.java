/** Campaigns: an instrument asked of departments and audiences, draft → open → closed. */
package org.cxalign.survey.campaign;

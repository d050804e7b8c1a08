/** The employee answer API: one submission per campaign, idempotent by key, never identified. */
package org.cxalign.web.response;

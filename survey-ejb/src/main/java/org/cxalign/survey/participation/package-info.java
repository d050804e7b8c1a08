/**
 * Participation kept apart from responses: HMAC-SHA256 of the subject under a per-campaign secret,
 * so that nobody answers twice and no response can be joined to a person.
 */
package org.cxalign.survey.participation;

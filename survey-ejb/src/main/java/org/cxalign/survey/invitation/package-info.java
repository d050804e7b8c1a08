/**
 * Customer invitations: random 256-bit one-time tokens stored only as SHA-256 hashes, with expiry,
 * e-mailed through the server's mail session or handed out as anonymous links.
 */
package org.cxalign.survey.invitation;

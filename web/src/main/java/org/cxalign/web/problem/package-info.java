/**
 * Errors as {@code application/problem+json} (RFC 9457): each failure class has its mapper; nothing
 * internal (stack traces, SQL, class names) reaches the client.
 */
package org.cxalign.web.problem;

/**
 * Serving the pages: security headers for everything the WAR serves, sign-out (ending the Keycloak
 * session too), and the customer's link answering a browser with the survey page.
 */
package org.cxalign.web.page;

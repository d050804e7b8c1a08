/** Serving the pages: security headers for everything the WAR serves. */
package org.cxalign.web.page;

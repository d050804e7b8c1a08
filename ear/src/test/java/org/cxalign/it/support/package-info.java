/** What the integration tests share: the real Keycloak, the built EAR, an HTTP client. */
package org.cxalign.it.support;

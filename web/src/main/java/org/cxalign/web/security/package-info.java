/** Who is calling: roles and the department claim of the Keycloak token. */
package org.cxalign.web.security;

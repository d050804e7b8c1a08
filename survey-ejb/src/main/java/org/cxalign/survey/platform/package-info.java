/** Start-up of the domain: schema migrations and the optional demo organisation. */
package org.cxalign.survey.platform;

/** The instrument API: list, read, copy into a draft, edit a draft. */
package org.cxalign.web.instrument;

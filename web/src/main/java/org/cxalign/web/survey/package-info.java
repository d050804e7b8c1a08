/** The public customer survey API behind one-time links. */
package org.cxalign.web.survey;

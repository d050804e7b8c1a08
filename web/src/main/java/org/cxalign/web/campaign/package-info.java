/** The campaign API: launch, open, close, list; employees' open campaigns; response rates. */
package org.cxalign.web.campaign;

/** The department API: list and create departments. */
package org.cxalign.web.department;

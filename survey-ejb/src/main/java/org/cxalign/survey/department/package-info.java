/** Departments of the organisation: the groups whose agreement and collaboration are measured. */
package org.cxalign.survey.department;

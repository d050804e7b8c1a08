/** Campaign aggregates: their figures, the rebuild from the raw responses and its progress. */
package org.cxalign.web.aggregate;

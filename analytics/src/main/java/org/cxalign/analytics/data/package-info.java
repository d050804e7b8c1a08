/**
 * Reading survey data files. {@link org.cxalign.analytics.data.ResponseCsvReader} streams the
 * report format ({@code respondent_id,population,department,<items>,collab.<Department>...})
 * straight from bytes into {@link org.cxalign.analytics.accumulate.AlignmentAccumulator}s, in
 * parallel chunks; {@link org.cxalign.analytics.data.CsvTable} reads small tables (rater designs).
 * Every error names the file, line and column.
 */
package org.cxalign.analytics.data;

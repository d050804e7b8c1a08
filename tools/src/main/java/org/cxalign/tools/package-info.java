/**
 * Operator tools outside the server: {@link org.cxalign.tools.ResponseSeeder} inserts many
 * simulated responses for one campaign straight into PostgreSQL (COPY), {@link
 * org.cxalign.tools.ReportBench} seeds a campaign, rebuilds its aggregates through the API and
 * measures the latency of the report endpoints under concurrent clients.
 */
package org.cxalign.tools;

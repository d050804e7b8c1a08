/**
 * JMH benchmarks of the accumulators (responses added per second) and of a report built from
 * accumulators. Run: {@code mvn -Pbench test-compile exec:exec -Djmh.args="-f1 -wi 2 -i 3"} in
 * {@code analytics/} (see analytics/bench/README.md).
 */
package org.cxalign.analytics.bench;

/**
 * The {@code cx-align} command line (picocli): {@code report}, {@code icc}, {@code kripp} and
 * {@code generate}. {@link org.cxalign.analytics.cli.Main#execute} runs it with given streams (for
 * tests); bad input exits with status 1 and a message naming file, line and column, usage errors
 * with status 2.
 */
package org.cxalign.analytics.cli;

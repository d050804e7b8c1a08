package org.cxalign.survey.response;

import java.io.Serializable;

/**
 * A bad row of an imported file.
 *
 * @param line the 1-based line number
 * @param column the column name, or null for the row as a whole
 * @param message what is wrong
 */
public record ImportProblem(long line, String column, String message) implements Serializable {}

package org.cxalign.survey.response;

import java.util.List;

/** One data line of an import file, split into fields, with the header it is read under. */
public record ImportLine(long line, List<String> header, List<String> fields) {}

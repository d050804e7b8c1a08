package org.cxalign.survey.campaign;

/** One invalid field of a request and the reason. */
public record FieldViolation(String field, String message) {}

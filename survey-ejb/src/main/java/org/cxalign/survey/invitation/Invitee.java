package org.cxalign.survey.invitation;

/** A customer to invite by e-mail, optionally with the department whose touchpoint they met. */
public record Invitee(String email, Long departmentId) {}

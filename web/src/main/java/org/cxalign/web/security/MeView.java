package org.cxalign.web.security;

import java.util.List;

/** The caller as the application sees them. */
public record MeView(String username, List<String> roles, String department) {}

package org.cxalign.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API root. Every resource needs a bearer token (or the browser session) from Keycloak. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "CX Align API",
            version = "0.1.0",
            description =
                "Surveys of employees and customers, and the alignment statistics that test a"
                    + " company's customer-experience maturity claims."),
    security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "Access token of realm cx-align (client cx-cli for scripts)")
public class CxAlignApplication extends Application {}

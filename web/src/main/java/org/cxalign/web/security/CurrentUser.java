package org.cxalign.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** The signed-in user of this request, as the Keycloak token describes them. */
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;

  public Optional<String> username() {
    return Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
  }

  /** The {@code department} claim (department heads and employees carry one). */
  public Optional<String> department() {
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() != null
        && oidc.getOidcSecurityContext().getToken() != null) {
      String value = oidc.getOidcSecurityContext().getToken().getClaimValueAsString("department");
      return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }
    return Optional.empty();
  }

  public List<String> roles() {
    return Stream.of(Roles.ADMIN, Roles.DEPARTMENT_HEAD, Roles.EMPLOYEE)
        .filter(request::isUserInRole)
        .toList();
  }
}

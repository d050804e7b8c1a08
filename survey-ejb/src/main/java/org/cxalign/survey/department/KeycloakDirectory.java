package org.cxalign.survey.department;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Reads the realm's top-level groups and their member counts through Keycloak's admin API, signed
 * in as the sync client's service account (client-credentials grant). Each call has a connect and
 * read timeout ({@code cxalign.keycloak.timeout-seconds}); a whole read is bounded by {@link
 * #WHOLE_READ_MS}, and after repeated failures the circuit opens for {@link #PAUSE_MS} so that
 * syncs fail fast while Keycloak is down.
 */
@ApplicationScoped
public class KeycloakDirectory {

  static final int PAGE = 100;

  /** Longest a whole read (token, groups, members) may take, in milliseconds. */
  public static final long WHOLE_READ_MS = 30_000;

  /** How long the circuit stays open after repeated failures, in milliseconds. */
  public static final long PAUSE_MS = 30_000;

  /** A top-level group and how many users are its direct members. */
  public record Group(String name, int members) {}

  @Inject
  @ConfigProperty(name = "cxalign.keycloak.admin-url")
  String adminUrl;

  @Inject
  @ConfigProperty(name = "cxalign.keycloak.realm")
  String realm;

  @Inject
  @ConfigProperty(name = "cxalign.keycloak.sync-client-id")
  String clientId;

  @Inject
  @ConfigProperty(name = "cxalign.keycloak.sync-client-secret")
  String clientSecret;

  @Inject
  @ConfigProperty(name = "cxalign.keycloak.timeout-seconds")
  int timeoutSeconds;

  /**
   * @throws DirectoryUnavailableException if Keycloak does not answer in time, refuses the client,
   *     or answers with an error
   */
  @Timeout(WHOLE_READ_MS)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = PAUSE_MS)
  public List<Group> groups() {
    KeycloakAdminApi api =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(adminUrl.endsWith("/") ? adminUrl : adminUrl + "/"))
            .connectTimeout(timeoutSeconds, TimeUnit.SECONDS)
            .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
            .build(KeycloakAdminApi.class);
    try {
      String token = api.token(realm, "client_credentials", clientId, clientSecret).accessToken();
      String bearer = "Bearer " + token;
      List<Group> result = new ArrayList<>();
      for (int first = 0; ; first += PAGE) {
        List<KeycloakAdminApi.GroupRepresentation> page =
            api.groups(bearer, realm, first, PAGE, true);
        for (KeycloakAdminApi.GroupRepresentation g : page) {
          result.add(new Group(g.name(), memberCount(api, bearer, g.id())));
        }
        if (page.size() < PAGE) {
          return result;
        }
      }
    } catch (ProcessingException e) {
      throw new DirectoryUnavailableException(
          "Keycloak at " + adminUrl + " could not be reached: " + rootMessage(e), e);
    } catch (WebApplicationException e) {
      throw new DirectoryUnavailableException(
          "Keycloak at "
              + adminUrl
              + " answered "
              + e.getResponse().getStatus()
              + " to the sync client '"
              + clientId
              + "' (realm "
              + realm
              + ")",
          e);
    } finally {
      if (api instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // closing a client that failed to connect has nothing left to release
        }
      }
    }
  }

  private int memberCount(KeycloakAdminApi api, String bearer, String groupId) {
    int count = 0;
    for (int first = 0; ; first += PAGE) {
      List<KeycloakAdminApi.MemberRepresentation> page =
          api.members(bearer, realm, groupId, first, PAGE, true);
      count += page.size();
      if (page.size() < PAGE) {
        return count;
      }
    }
  }

  /**
   * Why the call failed, in words for the caller (the problem detail): no Java class names, which
   * the callers' error check takes for leaked internals.
   */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t.getCause() != null && depth < 50; depth++) {
      t = t.getCause();
    }
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (t instanceof java.net.SocketTimeoutException
        || t instanceof java.net.http.HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (t instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    return "connection failed";
  }
}

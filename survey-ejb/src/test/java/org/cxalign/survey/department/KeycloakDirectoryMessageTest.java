package org.cxalign.survey.department;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The reason given to the caller when Keycloak cannot be reached names no Java class. */
class KeycloakDirectoryMessageTest {

  @Test
  void reasonsInWords() {
    assertEquals(
        "connection refused",
        KeycloakDirectory.rootMessage(
            new ProcessingException(new ConnectException("Connection refused"))));
    assertEquals(
        "no answer within the timeout",
        KeycloakDirectory.rootMessage(
            new ProcessingException(new SocketTimeoutException("Read timed out"))));
    assertEquals(
        "unknown host",
        KeycloakDirectory.rootMessage(new ProcessingException(new UnknownHostException("kc"))));
    assertEquals(
        "connection failed",
        KeycloakDirectory.rootMessage(
            new ProcessingException(new IllegalStateException("RESTEASY004655: internal"))));
  }
}

package org.cxalign.survey.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipationKeysTest {

  @Test
  void hmacAgreesWithRfc4231TestCase2() {
    // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA-256
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString("Jefe".getBytes());
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        ParticipationKeys.hmac(key, "what do ya want for nothing?"));
  }

  @Test
  void sha256AgreesWithFips180Example() {
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ParticipationKeys.sha256("abc"));
  }

  @Test
  void theSameSubjectGetsDifferentKeysUnderDifferentCampaignSecrets() {
    String subject = "5f0c1d2e-aaaa-bbbb-cccc-0123456789ab";
    String a = ParticipationKeys.hmac(ParticipationKeys.newSecret(), subject);
    String b = ParticipationKeys.hmac(ParticipationKeys.newSecret(), subject);
    assertNotEquals(a, b);
    assertEquals(64, a.length());
    assertEquals(-1, a.indexOf(subject));
  }

  @Test
  void secretsAre256BitAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String s = ParticipationKeys.newSecret();
      assertEquals(32, Base64.getUrlDecoder().decode(s).length);
      seen.add(s);
    }
    assertEquals(1000, seen.size());
  }

  @Test
  void aBlankSubjectIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ParticipationKeys.hmac(ParticipationKeys.newSecret(), " "));
  }
}

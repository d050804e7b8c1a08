package org.cxalign.survey.participation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that record participation without identity: HMAC-SHA256 of the token subject under a
 * random per-campaign secret (so the same person's keys in two campaigns cannot be matched, and a
 * key cannot be recomputed from a user list without the secret), SHA-256 of one-time tokens and
 * idempotency keys, and random 256-bit secrets and tokens.
 */
public final class ParticipationKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ParticipationKeys() {}

  /** A new random 256-bit secret, Base64 (URL-safe, no padding). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * HMAC-SHA256 of {@code subject} under the Base64 {@code secret}, lower-case hex (64 chars).
   *
   * @throws IllegalArgumentException on a blank subject or a secret that is not Base64
   */
  public static String hmac(String secret, String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    byte[] key = Base64.getUrlDecoder().decode(secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** SHA-256 of the UTF-8 text, lower-case hex (64 chars). */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

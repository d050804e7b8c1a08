package org.cxalign.it.hostile;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds forged JSON web tokens from a genuine one: own keys, alg none, tampered claims. */
final class Jwts {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  private final KeyPair own;

  Jwts() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      own = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject header(String jwt) {
    return parse(new String(D64.decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
  }

  static JsonObject payload(String jwt) {
    return parse(new String(D64.decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static JsonObject parse(String json) {
    try (var r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  static String b64(String s) {
    return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject with(JsonObject o, UnaryOperator<JsonObjectBuilder> change) {
    return change.apply(Json.createObjectBuilder(o)).build();
  }

  static JsonObjectBuilder put(JsonObjectBuilder b, String key, JsonValue value) {
    return b.add(key, value);
  }

  /** The genuine header and signature around a changed payload. */
  static String tampered(String jwt, JsonObject payload) {
    String[] p = jwt.split("\\.");
    return p[0] + "." + b64(payload.toString()) + "." + p[2];
  }

  /** Signed RS256 with a key of our own, under the given header. */
  String ownKey(JsonObject header, JsonObject payload) {
    String input = b64(header.toString()) + "." + b64(payload.toString());
    return input + "." + B64.encodeToString(rsa(own.getPrivate(), input));
  }

  /** A header that embeds our own public key (the "jwk" header attack). */
  JsonObject embeddedJwk(String kid) {
    RSAPublicKey k = (RSAPublicKey) own.getPublic();
    return Json.createObjectBuilder()
        .add("alg", "RS256")
        .add("typ", "JWT")
        .add("kid", kid)
        .add(
            "jwk",
            Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("kid", kid)
                .add("n", B64.encodeToString(unsigned(k.getModulus().toByteArray())))
                .add("e", B64.encodeToString(unsigned(k.getPublicExponent().toByteArray()))))
        .build();
  }

  private static byte[] unsigned(byte[] b) {
    return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static byte[] rsa(PrivateKey key, String input) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HS256 with the given bytes as the secret (e.g. the realm's public key: alg confusion). */
  static String hmac(JsonObject header, JsonObject payload, byte[] secret) {
    String input = b64(header.toString()) + "." + b64(payload.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input
          + "."
          + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unsigned, with the given alg spelling ("none", "None", ...). */
  static String unsigned(String alg, JsonObject payload, boolean trailingDot) {
    String h = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT").build().toString();
    return b64(h) + "." + b64(payload.toString()) + (trailingDot ? "." : "");
  }
}

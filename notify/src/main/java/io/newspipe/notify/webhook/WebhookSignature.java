package io.newspipe.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook POST: header {@value #SIGNATURE_HEADER} is {@code sha256=} and the
 * lower-case hex HMAC-SHA256, keyed with the webhook's secret, of {@code <timestamp>.<body>}, where
 * {@code <timestamp>} is header {@value #TIMESTAMP_HEADER} (Unix seconds) and {@code <body>} the
 * raw request body bytes. A receiver recomputes it, compares in constant time, and rejects old
 * timestamps to stop replays.
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-Newspipe-Signature";
  public static final String TIMESTAMP_HEADER = "X-Newspipe-Timestamp";
  public static final String DELIVERY_HEADER = "X-Newspipe-Delivery";
  public static final String ATTEMPT_HEADER = "X-Newspipe-Attempt";

  private WebhookSignature() {}

  /** {@code sha256=<hex>} for {@code body} sent at {@code timestampSeconds}. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Whether {@code header} is the signature of {@code body} at {@code timestampSeconds}. */
  public static boolean verify(String secret, long timestampSeconds, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
  }
}

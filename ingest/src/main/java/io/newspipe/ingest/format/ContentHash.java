package io.newspipe.ingest.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The content fingerprint of an article: SHA-256 (hex) of its normalised headline, sub-headline and
 * body. Normalisation (Unicode NFC, whitespace runs collapsed, trimmed) makes re-wrapped or
 * re-encoded copies of the same text hash equal, while any change of words or case does not.
 */
public final class ContentHash {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private ContentHash() {}

  public static String of(String headline, String subheadline, String body) {
    // The separator cannot occur inside a normalised part, so moving text between parts changes
    // the hash.
    String canonical =
        normalise(headline) + '\u0000' + normalise(subheadline) + '\u0000' + normalise(body);
    return sha256Hex(canonical);
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return WHITESPACE.matcher(nfc).replaceAll(" ").trim();
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** SHA-256 of raw bytes; every JVM ships it, so a missing algorithm is a broken JVM. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256 MessageDigest", e);
    }
  }
}

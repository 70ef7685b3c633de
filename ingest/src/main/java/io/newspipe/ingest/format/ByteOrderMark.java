package io.newspipe.ingest.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The byte-order marks of UTF-8, UTF-16 and UTF-32, which override any declared encoding. */
record ByteOrderMark(Charset charset, int length) {

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** The mark {@code b} starts with, or null. */
  static ByteOrderMark of(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return new ByteOrderMark(UTF_32BE, 4);
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) { // before UTF-16LE, whose mark it starts with
      return new ByteOrderMark(UTF_32LE, 4);
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new ByteOrderMark(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
    }
    return null;
  }

  /** {@code b} decoded after the mark, up to {@code limit} bytes in all. */
  String decode(byte[] b, int limit) {
    int end = Math.min(b.length, limit);
    return new String(b, length, Math.max(0, end - length), charset);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

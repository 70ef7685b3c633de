package io.newspipe.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: a mis-encoded file is rejected with a fix, not silently garbled. */
final class Utf8 {

  private Utf8() {}

  static boolean hasBom(byte[] bytes) {
    ByteOrderMark bom = ByteOrderMark.of(bytes);
    return bom != null && bom.charset().equals(StandardCharsets.UTF_8);
  }

  /** Decodes UTF-8, dropping a leading byte-order mark. */
  static String decode(byte[] bytes, String document) throws ParseException {
    int offset = hasBom(bytes) ? 3 : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ParseException(
          document,
          "the text is not valid UTF-8 ("
              + e.getMessage()
              + "): save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)",
          e);
    }
  }
}

package io.newspipe.web.api;

import io.newspipe.store.PublishedPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of {@code /api/articles} starts, handed to clients as an opaque string: a
 * search continues at a hit offset, browsing continues before the last article's position in
 * publication order (keyset paging, so new articles never shift a page).
 *
 * @param offset hits to skip (search), or -1
 * @param before the position to continue before (browsing), or null
 */
record Cursor(int offset, PublishedPosition before) {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  static Cursor searchOffset(int offset) {
    return new Cursor(offset, null);
  }

  static Cursor before(PublishedPosition position) {
    return new Cursor(-1, position);
  }

  boolean isSearch() {
    return before == null;
  }

  String encode() {
    String plain =
        isSearch() ? "o" + offset : "p" + before.time().toEpochMilli() + "." + before.id();
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws ApiException 400 when the text is not a cursor this API gave out
   */
  static Cursor decode(String text) {
    try {
      String plain = new String(DECODER.decode(text), StandardCharsets.UTF_8);
      if (plain.startsWith("o")) {
        int offset = Integer.parseInt(plain.substring(1));
        if (offset >= 0) {
          return searchOffset(offset);
        }
      } else if (plain.startsWith("p")) {
        int dot = plain.indexOf('.');
        if (dot > 1 && dot < plain.length() - 1) {
          long millis = Long.parseLong(plain.substring(1, dot));
          return before(
              new PublishedPosition(Instant.ofEpochMilli(millis), plain.substring(dot + 1)));
        }
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // NumberFormatException and bad Base64 alike: not one of ours
    }
    throw ApiException.badParameter(
        "cursor",
        "cursor '"
            + text
            + "' is not one this API returned; use the 'next' value of the previous page, or leave"
            + " cursor out for the first page");
  }
}

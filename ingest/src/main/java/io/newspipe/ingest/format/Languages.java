package io.newspipe.ingest.format;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Language tags as feeds write them ({@code en-us}, {@code en_GB}) to BCP 47 ({@code en-US}). */
final class Languages {

  private Languages() {}

  /** The BCP 47 form, or null if absent or not a language tag. */
  static String toBcp47(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    try {
      Locale locale =
          new Locale.Builder().setLanguageTag(declared.strip().replace('_', '-')).build();
      String tag = locale.toLanguageTag();
      return tag.equals("und") ? null : tag;
    } catch (IllformedLocaleException e) {
      return null; // a junk <language> is not worth rejecting the feed for
    }
  }
}

package io.newspipe.ingest.format;

import java.util.Map;

/**
 * IPTC NewsCodes URIs to the qualified codes ({@code medtop:20000523}) the rest of newspipe (the
 * taxonomy, the store) speaks. Agencies send either form; keeping one means a subject assigned by a
 * ninjs feed and by a NewsML-G2 feed compares equal.
 */
final class IptcCodes {

  private static final Map<String, String> SCHEMES =
      Map.of(
          "http://cv.iptc.org/newscodes/mediatopic/", "medtop",
          "https://cv.iptc.org/newscodes/mediatopic/", "medtop",
          "http://cv.iptc.org/newscodes/subjectcode/", "subj",
          "https://cv.iptc.org/newscodes/subjectcode/", "subj");

  private IptcCodes() {}

  /** The qualified code for a NewsCodes URI, the input itself if already qualified, or null. */
  static String qualify(String uriOrQcode) {
    if (uriOrQcode == null || uriOrQcode.isBlank()) {
      return null;
    }
    String s = uriOrQcode.strip();
    for (Map.Entry<String, String> e : SCHEMES.entrySet()) {
      if (s.startsWith(e.getKey())) {
        return e.getValue() + ":" + s.substring(e.getKey().length()).replace("/", "");
      }
    }
    return s;
  }

  /** The scheme alias of a qualified code ({@code medtop} of {@code medtop:123}), or null. */
  static String schemeOf(String qcode) {
    if (qcode == null) {
      return null;
    }
    int colon = qcode.indexOf(':');
    return colon > 0 && !qcode.contains("://") ? qcode.substring(0, colon) : null;
  }
}
